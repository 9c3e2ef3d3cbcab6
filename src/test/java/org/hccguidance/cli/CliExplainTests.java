package org.hccguidance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code explain PATIENT.json CODE}: the explanation as a rule author reads it, and as JSON. */
class CliExplainTests {

    /** After immunotherapy, AFP 320: ramucirumab is ruled out below the 400 cut-off; Child-Pugh from the five components. */
    static final String AFP_320 = """
            {"patientRef": "explain-cli", "ecog": 1, "bclcStage": "C",
             "liver": {"bilirubinMgDl": 1.0, "albuminGDl": 3.9, "inr": 1.0, "ascites": "NONE", "encephalopathy": "NONE"},
             "tumour": {"afpNgMl": 320},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false}}
            """;

    @Test
    void explainPrintsTheChainAndTheConditionThatFailed(@TempDir Path dir) throws Exception {
        Path patient = Files.writeString(dir.resolve("patient.json"), AFP_320);
        CliTests.Result r = CliTests.run("explain", patient.toString(), "ramucirumab", "--rules", "rules");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("RAMUCIRUMAB: not recommended: AFP 320 ng/mL is below 400 ng/mL")
                .contains("\"Ramucirumab when AFP is at or above the cut-off\"  post_io/ramucirumab.drl:")
                .contains("3 of 4 conditions held; failed: Tumour($afp : afpNgMl != null, afpNgMl >= $cut)")
                .contains("because afpNgMl >= $cut: afpNgMl 320 < $cut 400")
                .contains("[1] \"Ramucirumab needs AFP of at least 400\"  post_io/ramucirumab.drl:")
                .contains("computed: childPughPoints(bilirubinMgDl 1, albuminGDl 3.9, inr 1, ascites NONE, encephalopathy NONE) = 5")
                .contains("Derived values");

        CliTests.Result json = CliTests.run("explain", patient.toString(), "LENVATINIB", "--rules", "rules", "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode x = new ObjectMapper().readTree(json.out());
        assertThat(x.get("status").asText()).isEqualTo("RECOMMENDED");
        assertThat(x.get("steps").size()).isGreaterThan(3);
    }

    @Test
    void anUnknownCodeIsAUsageErrorWithTheNearestCode(@TempDir Path dir) throws Exception {
        Path patient = Files.writeString(dir.resolve("patient.json"), AFP_320);
        CliTests.Result r = CliTests.run("explain", patient.toString(), "LENVATINBI", "--rules", "rules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'LENVATINBI' is not a code this rule set knows; did you mean 'LENVATINIB'?");
        assertThat(r.out()).isEmpty();
    }
}
