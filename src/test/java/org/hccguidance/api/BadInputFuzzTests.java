package org.hccguidance.api;

import org.hccguidance.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the body, the service answers 2xx or 4xx, never 5xx. Thousands of bodies are
 * generated from a fixed seed (so a failure replays) by mutating a valid patient: broken syntax,
 * swapped types, out-of-range and extreme numbers, unknown and duplicate keys, deep nesting and
 * oversized bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/fuzz",
        "guidance.reload.watch=false", "logging.level.root=WARN"})
class BadInputFuzzTests {

    private static final String VALID = """
            {"patientRef": "f", "ageYears": 60, "ecog": 1, "bclcStage": "C",
             "liver": {"childPughClass": "A", "childPughScore": 5, "bilirubinMgDl": 1.0, "albuminGDl": 3.9, "inr": 1.0,
                       "ascites": "NONE", "encephalopathy": "NONE"},
             "tumour": {"afpNgMl": 520, "macrovascularInvasion": true, "extrahepaticSpread": false},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "bestResponse": "PR", "outcome": "PROGRESSION"}],
             "progression": {"patterns": ["NIH"], "progressingLesions": 2, "otherDiseaseControlled": true},
             "adverseEvents": [{"term": "IMMUNE_HEPATITIS", "grade": 2, "immuneRelated": true, "resolved": true}],
             "risks": {"recentVaricealBleeding": false, "organTransplant": false},
             "molecularProfile": {"tested": true, "alterations": [{"gene": "TSC2", "type": "INACTIVATING_MUTATION"}]}}
            """;
    private static final String[] VALUES = {"null", "true", "\"x\"", "-1", "0", "1.5", "1e400", "-1e400", "9223372036854775808",
            "[]", "{}", "\"\"", "[1,2]", "{\"a\":1}", "\"\\u0000\"", "\"" + "z".repeat(2000) + "\"", "NaN", "-0", "1e-400"};
    private static final String[] KEYS = {"ecog", "ageYears", "bclcStage", "liver", "childPughScore", "bilirubinMgDl", "inr",
            "ascites", "tumour", "afpNgMl", "priorSystemicTherapies", "regimen", "line", "outcome", "progressingLesions",
            "patterns", "adverseEvents", "grade", "term", "risks", "molecularProfile", "alterations", "gene", "type", "patientRef"};

    @LocalServerPort
    int port;

    @Test
    void noGeneratedBodyEverGetsA5xx() {
        Http http = new Http(port);
        Random random = new Random(20261123L);
        List<Function<Random, String>> generators = List.of(
                BadInputFuzzTests::truncate, BadInputFuzzTests::flipBytes, BadInputFuzzTests::swapValue,
                BadInputFuzzTests::unknownKey, BadInputFuzzTests::duplicateKey, BadInputFuzzTests::deepNesting,
                BadInputFuzzTests::garbage, BadInputFuzzTests::hugeArray);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        int cases = 2400;
        for (int i = 0; i < cases; i++) {
            String body = generators.get(i % generators.size()).apply(random);
            Http.Reply r = http.postBytes("/api/v1/guidance", body.getBytes(StandardCharsets.UTF_8), "application/json");
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500 || !(r.status() == 200 || r.status() == 400 || r.status() == 413)) {
                serverErrors.add(r.status() + " for body " + body.substring(0, Math.min(300, body.length())) + " -> " + r.body());
            } else if (r.status() != 200) {
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(serverErrors).as("statuses %s", statuses).isEmpty();
        assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(cases / 2);
        assertThat(http.post("/api/v1/guidance", VALID).status()).isEqualTo(200);
    }

    static String truncate(Random r) {
        return VALID.substring(0, r.nextInt(VALID.length()));
    }

    static String flipBytes(Random r) {
        char[] c = VALID.toCharArray();
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
        }
        return new String(c);
    }

    static String swapValue(Random r) {
        String key = KEYS[r.nextInt(KEYS.length)];
        String value = VALUES[r.nextInt(VALUES.length)];
        return VALID.replaceFirst("\"" + key + "\": (\"[^\"]*\"|[-0-9.]+|true|false|\\[[^\\]]*\\]|\\{[^}]*\\})", "\"" + key + "\": " + value);
    }

    static String unknownKey(Random r) {
        return VALID.replaceFirst("\\{", "{\"k" + r.nextInt(1000) + "\": " + VALUES[r.nextInt(VALUES.length)] + ", ");
    }

    static String duplicateKey(Random r) {
        String key = KEYS[r.nextInt(3)];
        return VALID.replaceFirst("\\{", "{\"" + key + "\": " + VALUES[r.nextInt(VALUES.length)] + ", ");
    }

    static String deepNesting(Random r) {
        int depth = 20 + r.nextInt(3000);
        String key = KEYS[r.nextInt(KEYS.length)];
        return VALID.replaceFirst("\\{", "{\"" + key + "\": " + "[".repeat(depth) + "]".repeat(depth) + ", ");
    }

    static String garbage(Random r) {
        byte[] b = new byte[r.nextInt(400)];
        r.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String hugeArray(Random r) {
        int n = r.nextBoolean() ? 60 : 30_000;
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"regimen\": \"SORAFENIB\", \"line\": ").append(i % 25 + 1).append(", \"outcome\": \"PROGRESSION\"}");
        }
        return VALID.replaceFirst("\"priorSystemicTherapies\": \\[[^\\]]*\\]", "\"priorSystemicTherapies\": " + sb.append("]"));
    }
}
