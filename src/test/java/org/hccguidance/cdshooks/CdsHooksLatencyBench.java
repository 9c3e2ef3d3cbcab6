package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name does not end in Tests, so {@code mvn verify} never runs it): p50 / p95 /
 * p99 of a prefetched {@code patient-view} call over HTTP (JWT check, jti store, FHIR parsing and mapping,
 * guidance, cards, card store), sequentially and from 4 client threads; and HAPI's per-request parse cost.
 * Run with {@code bench/cds-hooks.sh}. Figures go to stdout and {@code target/bench/cds-hooks.txt}.
 */
class CdsHooksLatencyBench extends ServiceWithAdmin {

    static final int WARMUP = Integer.getInteger("bench.warmup", 1500);
    static final int CALLS = Integer.getInteger("bench.calls", 2000);

    @Test
    void patientViewLatency() throws Exception {
        CdsHttp cds = new CdsHttp(port);
        List<String> out = new ArrayList<>();
        String body = CdsHttp.example("post-atezo-bev-progression.json").build().toString();
        out.add(String.format(Locale.ROOT, "request body %d bytes (post-atezo-bev-progression.json as prefetch)", body.length()));
        run(cds, body, WARMUP, 1);
        out.add(summary("sequential", run(cds, body, CALLS, 1)));
        out.add(summary("4 client threads", run(cds, body, CALLS, 4)));

        JsonNode prefetch = CdsHttp.parse(body).get("prefetch");
        FhirParsing parsing = new FhirParsing();
        long[] parse = new long[CALLS];
        for (int i = 0; i < WARMUP + CALLS; i++) {
            long t = System.nanoTime();
            List<Resource> all = new ArrayList<>();
            prefetch.fields().forEachRemaining(e -> all.addAll(parsing.resources(e.getValue(), e.getKey())));
            if (i >= WARMUP) {
                parse[i - WARMUP] = System.nanoTime() - t;
            }
        }
        out.add(summary("HAPI parse of the whole prefetch, in-process", parse));
        out.forEach(System.out::println);
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Files.write(dir.resolve("cds-hooks.txt"), out);
    }

    static long[] run(CdsHttp cds, String body, int calls, int threads) throws Exception {
        String path = "/cds-services/hcc-guidance";
        String[] tokens = new String[calls];
        for (int i = 0; i < calls; i++) {
            tokens[i] = CdsTestClients.rs384(CdsTestClients.claims(cds.url(path)).build());
        }
        long[] times = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            jobs.add(pool.submit(() -> {
                for (int i = first; i < calls; i += threads) {
                    long start = System.nanoTime();
                    Http.Reply r = cds.post(path, body, tokens[i]);
                    times[i] = System.nanoTime() - start;
                    assertThat(r.status()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        return times;
    }

    static String summary(String label, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", label, s.length,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

}
