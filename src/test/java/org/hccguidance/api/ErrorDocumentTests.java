package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.facts.PatientValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error documents: capped in length, with readable validation messages, 400 only for bad input, and
 * a plain 500 (no message, no stack trace, in the body or the log) for anything that is our fault.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorDocumentTests extends ServiceWithAdmin {

    private static final String SECRET = "MRN-SECRET-4711";

    private static String emptyObjects(String field, int count) {
        return "{\"ecog\": 1, \"liver\": {}, \"" + field + "\": [" + "{},".repeat(count - 1) + "{}]}";
    }

    @Test
    void thirtyThousandEmptyObjectsGiveAShortDocumentListingAHundredProblems() {
        Http http = new Http(port);
        for (String field : new String[] {"priorSystemicTherapies", "adverseEvents"}) {
            String body = emptyObjects(field, 30_000);
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(85_000, 95_000);
            Http.Reply r = http.post("/api/v1/guidance", body);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).as(field).isLessThan(64 * 1024);
            JsonNode p = r.json();
            assertThat(p.get("errors").size()).isEqualTo(100);
            int more = p.get("moreErrors").asInt();
            assertThat(more).isGreaterThanOrEqualTo(30_000 - 100);
            assertThat(p.get("detail").asText()).endsWith("\u2026 and " + more + " more");
            // The list's own size limit sorts first, so it is among those shown.
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(field);
            assertThat(p.get("errors").get(0).get("message").asText()).isEqualTo("size must be between 0 and "
                    + (field.equals("adverseEvents") ? 50 : 20));
        }
    }

    @Test
    void aFewProblemsAreAllListedWithoutMoreErrors() {
        Http.Reply r = new Http(port).post("/api/v1/guidance", "{\"ecog\": 7, \"liver\": {\"inr\": -1}}");
        assertThat(r.status()).isEqualTo(400);
        JsonNode p = r.json();
        assertThat(p.get("errors").size()).isEqualTo(2);
        assertThat(p.has("moreErrors")).isFalse();
        assertThat(p.get("detail").asText()).isEqualTo("ecog: must be less than or equal to 4; liver.inr: must be greater than or equal to 0");
    }

    @Test
    void decimalLimitsReadAsPlainEnglish() throws Exception {
        Http.Reply r = new Http(port).post("/api/v1/guidance",
                "{\"ecog\": 1, \"liver\": {\"albuminGDl\": 11}, \"tumour\": {\"afpNgMl\": 100000001}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("${").doesNotContain("inclusive");
        assertThat(r.json().get("errors").toString())
                .contains("{\"field\":\"tumour.afpNgMl\",\"message\":\"must be less than or equal to 100000000\"}")
                .contains("{\"field\":\"liver.albuminGDl\",\"message\":\"must be less than or equal to 10\"}");
        // The CLI and scenario files use the same validation.
        PatientCase patient = PatientJson.mapper().readValue(
                "{\"ecog\": 1, \"liver\": {}, \"tumour\": {\"afpNgMl\": 100000001}}", PatientCase.class);
        assertThat(PatientValidation.problems(patient)).containsExactly("tumour.afpNgMl: must be less than or equal to 100000000");
    }

    @Test
    void badParametersAreClientErrors() {
        Http http = new Http(port);
        Http.Reply version = http.post("/api/v1/guidance?rulesetVersion=latest", "{\"ecog\": 1, \"liver\": {}}", ADMIN);
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.json().at("/errors/0/field").asText()).isEqualTo("rulesetVersion");
        Http.Reply folder = http.post("/api/v1/scenarios/run", "{\"rulesDir\": \"/no/such/folder\"}", ADMIN);
        assertThat(folder.status()).isEqualTo(400);
        assertThat(folder.json().at("/errors/0/field").asText()).isEqualTo("rulesDir");
    }

    @Test
    void ourOwnFaultsAre500WithoutMessageOrStackTrace(CapturedOutput output) {
        Http http = new Http(port);
        for (String kind : new String[] {"illegal-argument", "illegal-state"}) {
            Http.Reply r = http.post("/api/v1/test/fail?kind=" + kind, "", ADMIN);
            assertThat(r.status()).as(kind).isEqualTo(500);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("title").asText()).isEqualTo("Internal error");
            assertThat(r.body()).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(output.getAll()).contains("request failed: java.lang.IllegalArgumentException at ")
                .contains("request failed: java.lang.IllegalStateException at ")
                .doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void errorsFromAHandlerAre500ProblemsLoggedByTypeOnly(CapturedOutput output) {
        Http http = new Http(port);
        for (String kind : new String[] {"stack-overflow", "out-of-memory"}) {
            Http.Reply r = http.post("/api/v1/test/fail?kind=" + kind, "", ADMIN);
            assertThat(r.status()).as(kind).isEqualTo(500);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain(SECRET).doesNotContain("Error").doesNotContain("\tat ");
        }
        assertThat(output.getAll()).contains("request failed: java.lang.StackOverflowError")
                .contains("request failed: java.lang.OutOfMemoryError")
                .doesNotContain(SECRET).doesNotContain("\tat ");
        // And the service goes on serving.
        assertThat(http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
    }
}
