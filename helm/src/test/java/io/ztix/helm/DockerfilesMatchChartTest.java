package io.ztix.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images (built from {@code <module>/src/main/docker/Dockerfile.jvm}; no image is built here) and the
 * pods the chart runs them in agree: user, port, JVM options the chart's JAVA_OPTS_APPEND replaces.
 */
class DockerfilesMatchChartTest {

    @ParameterizedTest
    @ValueSource(strings = {"operator", "portal"})
    void imageAndPodAgree(String component) throws IOException {
        String dockerfile = Files.readString(Chart.repoRoot().resolve(component + "/src/main/docker/Dockerfile.jvm"));
        JsonNode deployment = Chart.renderDefaults().deployment(component);
        JsonNode container = ChartRendersTest.container(deployment);

        assertThat(dockerfile).containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(single(dockerfile, "(?m)^USER (\\d+)$")).isEqualTo(deployment.at("/spec/template/spec/securityContext/runAsUser").asText());
        assertThat(single(dockerfile, "(?m)^EXPOSE (\\d+)$")).isEqualTo(container.at("/ports/0/containerPort").asText());

        Map<String, String> env = ChartRendersTest.env(container);
        List<String> chartOptions = Arrays.asList(env.get("JAVA_OPTS_APPEND").split(" "));
        for (String imageOption : single(dockerfile, "(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"$").split(" ")) {
            assertThat(chartOptions).as("the chart replaces the image's JAVA_OPTS_APPEND and must keep " + imageOption)
                    .contains(imageOption);
        }
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        String value = matcher.group(1);
        assertThat(matcher.find()).as("only one " + regex).isFalse();
        return value;
    }
}
