package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Micro-measure: one JoinRequest read (GET) and one status merge patch (PATCH /status, as the operator writes) over
 * HTTP, as the operator's client sends them, with 1,000 and then 10,000 JoinRequests stored. Prints median, p99 and
 * max per call. The timed run is opt-in ({@code -Dztix.benchmark=true}); the normal suite runs it with 100 and 300
 * stored as a smoke test (figures printed, nothing timed). Run with:
 * {@code ./mvnw -B -pl kube-api-standin -am verify -Dtest=StoreScaleBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class StoreScaleBenchmark {

    private static final boolean TIMED = Boolean.getBoolean("ztix.benchmark");
    private static final int[] SIZES = TIMED ? new int[] {1_000, 10_000} : new int[] {100, 300};
    private static final int CALLS = TIMED ? 2_000 : 100;
    private static final String NS = "scale";
    private static final String JR = "/apis/ztix.io/v1alpha1/namespaces/" + NS + "/joinrequests";

    @Test
    void oneJoinRequestIsReadAndPatchedAmongManyStored() {
        Path repo = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
        try (KubeApiStandIn api = KubeApiStandIn.start(repo)) {
            api.createNamespace(NS);
            KubernetesClient operator = api.client(api.serviceAccount("operator"));
            int stored = 0;
            Random random = new Random(14);
            for (int size : SIZES) {
                long fill = System.nanoTime();
                for (; stored < size; stored++) {
                    api.raw().create(JR, request(stored));
                }
                System.out.printf("%nBENCHMARK stand-in store: %d JoinRequests stored (filled in %.1f s)%n", size,
                        (System.nanoTime() - fill) / 1e9);
                for (int warmUp = 0; warmUp < CALLS / 4; warmUp++) {
                    read(operator, random.nextInt(size));
                    patch(operator, random.nextInt(size), warmUp);
                }
                long[] gets = new long[CALLS];
                long[] patches = new long[CALLS];
                for (int call = 0; call < CALLS; call++) {
                    int which = random.nextInt(size);
                    long start = System.nanoTime();
                    GenericKubernetesResource read = read(operator, which);
                    gets[call] = System.nanoTime() - start;
                    assertThat(read.getMetadata().getName()).isEqualTo(name(which));
                    start = System.nanoTime();
                    GenericKubernetesResource patched = patch(operator, which, call);
                    patches[call] = System.nanoTime() - start;
                    assertThat(patched.getMetadata().getName()).isEqualTo(name(which));
                }
                print("GET joinrequests/NAME", size, gets);
                print("PATCH joinrequests/NAME/status (merge)", size, patches);
            }
        }
    }

    private static Resource<GenericKubernetesResource> joinRequest(KubernetesClient client, int i) {
        return client.genericKubernetesResources("ztix.io/v1alpha1", "JoinRequest").inNamespace(NS).withName(name(i));
    }

    private static GenericKubernetesResource read(KubernetesClient client, int i) {
        return joinRequest(client, i).get();
    }

    private static GenericKubernetesResource patch(KubernetesClient client, int i, int round) {
        return joinRequest(client, i).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"observedGeneration\":" + (round + 1) + "}}");
    }

    private static String name(int i) {
        return String.format("ix-as%d-%010x", 4_200_000_000L + i, 0xcc00000000L + i);
    }

    private static String request(int i) {
        return "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"" + name(i)
                + "\",\"namespace\":\"" + NS + "\"},\"spec\":{\"asn\":" + (4_200_000_000L + i)
                + ",\"networkRef\":\"ix\",\"nodeId\":\"" + String.format("%010x", 0xcc00000000L + i) + "\"}}";
    }

    private static void print(String call, int size, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCHMARK %s with %d stored: median %.3f ms, p99 %.3f ms, max %.3f ms (%d calls)%n", call,
                size, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
