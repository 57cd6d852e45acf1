package io.ztix.testing.apicalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCallsFileTest {

    @TempDir
    Path dir;

    @Test
    void recordingKeepsEachCallOnceAndReadsBack() {
        ApiCallsFile file = ApiCallsFile.forComponent(dir, "zt-ix-operator");
        ApiCall watch = ApiCall.resource("watch", "ztix.io", "joinrequests", null, null, null);
        ApiCall event = ApiCall.resource("create", "", "events", null, "ix", null);

        file.touch();
        file.add(watch);
        file.add(event);
        file.add(watch);

        assertThat(ApiCallsFile.read(dir.resolve("zt-ix-operator.txt"))).containsExactly(watch, event);
    }

    @Test
    void aComponentThatMadeNoCallStillLeavesAnEmptyRecording() {
        ApiCallsFile.forTestsOf(dir, "zt-ix-portal").touch();

        assertThat(ApiCallsFile.read(dir.resolve("zt-ix-portal.test-driver.txt"))).isEmpty();
    }

    @Test
    void aMissingRecordingIsAnError() {
        assertThatThrownBy(() -> ApiCallsFile.read(dir.resolve("zt-ix-operator.txt")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no API-call recording");
    }

    @Test
    void theFirstRecordingOfAJvmRemovesOlderRecordings() throws IOException {
        Path old = Files.writeString(dir.resolve("zt-ix-operator.txt"), "resource list core pods - - -\n");

        ApiCallsFile.startOncePerJvm(dir);

        assertThat(old).doesNotExist();
    }
}
