package io.ztix.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class PortalStartsTest {

    @Test
    void portalServesItsFrontPageAndHealth() {
        given().get("/").then().statusCode(200).body(containsString("ZT-IX portal"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
