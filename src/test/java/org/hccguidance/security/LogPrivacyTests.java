package org.hccguidance.security;

import org.hccguidance.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A full request cycle with every logger at DEBUG leaves no patient identifier or value in the logs. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/log-privacy",
        "guidance.reload.watch=false", "logging.level.root=DEBUG", "logging.level.org.hccguidance=TRACE",
        "logging.level.org.springframework.web=TRACE"})
class LogPrivacyTests {

    @LocalServerPort
    int port;

    @Test
    void patientRefAndBodiesNeverReachTheLogs(CapturedOutput output) {
        Http http = new Http(port);
        Http.Reply ok = http.post("/api/v1/guidance", """
                {"patientRef": "MRN-73519-SECRET", "ecog": 1, "liver": {"childPughScore": 5, "bilirubinMgDl": 1.2345},
                 "tumour": {"afpNgMl": 98765.4321},
                 "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
                 "adverseEvents": [{"term": "RARE_SECRET_TERM", "grade": 2, "immuneRelated": true}]}
                """);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("MRN-73519-SECRET");
        Http.Reply badRange = http.post("/api/v1/guidance", "{\"patientRef\": \"MRN-11111-SECRET\", \"ecog\": 9, \"liver\": {}}");
        assertThat(badRange.status()).isEqualTo(400);
        Http.Reply badRef = http.post("/api/v1/guidance", "{\"patientRef\": \"" + "MRN-22222-SECRET".repeat(10) + "\", \"ecog\": 1, \"liver\": {}}");
        assertThat(badRef.status()).isEqualTo(400);
        Http.Reply badEnum = http.post("/api/v1/guidance", "{\"patientRef\": \"MRN-33333-SECRET\", \"ecog\": 1, \"liver\": {\"ascites\": \"SECRET_ENUM_VALUE\"}}");
        assertThat(badEnum.status()).isEqualTo(400);
        Http.Reply badJson = http.post("/api/v1/guidance", "{\"patientRef\": \"MRN-44444-SECRET\", \"ecog\": ");
        assertThat(badJson.status()).isEqualTo(400);

        String logs = output.getAll();
        // The capture really sees request-level debug logging...
        assertThat(logs).contains("/api/v1/guidance");
        // ...and none of it carries the patient.
        assertThat(logs).doesNotContain("MRN-").doesNotContain("SECRET").doesNotContain("98765.4321")
                .doesNotContain("1.2345").doesNotContain("RARE_SECRET_TERM");
    }
}
