package io.ztix.testing.apicalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallOriginTest {

    @Test
    void buildOutputDirectoriesTellTestCodeFromComponentCode() {
        assertThat(CallOrigin.isTestLocation("file:/work/zt-ix/operator/target/test-classes/")).isTrue();
        assertThat(CallOrigin.isMainLocation("file:/work/zt-ix/operator/target/classes/")).isTrue();
        assertThat(CallOrigin.isTestLocation("file:/work/zt-ix/operator/target/classes/")).isFalse();
        assertThat(CallOrigin.isTestLocation("file:/root/.m2/repository/io/fabric8/kubernetes-client/7.5.2/kubernetes-client-7.5.2.jar"))
                .isFalse();
        assertThat(CallOrigin.isMainLocation("jar:file:/x/app.jar!/io/ztix/Foo.class")).isFalse();
        assertThat(CallOrigin.isMainLocation(null)).isFalse();
    }

    @Test
    void aCallFromTestCodeIsTheTests() {
        // This class is in target/test-classes: it is the innermost frame from a build output directory.
        assertThat(CallOrigin.ofCurrentThread()).isEqualTo(CallOrigin.Origin.TEST);
    }

    @Test
    void aCallWithoutProjectCodeOnTheStackIsTheComponents() throws Exception {
        // As on an informer thread: only JDK frames (the method reference's frame is hidden) and the recorder's.
        CallOrigin.Origin origin = CompletableFuture.supplyAsync(CallOrigin::ofCurrentThread).get();

        assertThat(origin).isEqualTo(CallOrigin.Origin.COMPONENT);
    }
}
