package io.ztix.portal.browser;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * What every Chromium test of the portal needs: the portal's URL, the stand-in API and the portal's cache for the
 * test's resources, and one headless Chromium per test (started before, closed after).
 */
abstract class ChromiumPages {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    Chromium chromium;
    WebDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new Chromium(base);
        driver = chromium.driver;
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }
}
