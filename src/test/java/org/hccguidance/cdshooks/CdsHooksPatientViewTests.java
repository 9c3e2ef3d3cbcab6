package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The hcc-guidance service on patient-view, called over HTTP with each example bundle as prefetch. */
class CdsHooksPatientViewTests extends ServiceWithAdmin {

    CdsHttp cds;

    @BeforeEach
    void client() {
        cds = new CdsHttp(port);
    }

    static void save(String name, Object json) {
        CdsHttp.save(name, json);
    }

    JsonNode guidance(String example) {
        return guidance(CdsHttp.example(example).build(), "patient-view-" + example);
    }

    JsonNode guidance(ObjectNode request, String sample) {
        Http.Reply r = cds.call("hcc-guidance", request);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        CdsSpecChecks.validResponse(body);
        if (sample != null) {
            save(sample, body);
        }
        return body;
    }

    static List<String> topics(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.get("cards").forEach(c -> out.add(c.path("source").path("topic").path("code").asText()));
        return out;
    }

    static JsonNode card(JsonNode response, String topic) {
        for (JsonNode c : response.get("cards")) {
            if (c.path("source").path("topic").path("code").asText().equals(topic)) {
                return c;
            }
        }
        throw new AssertionError("no card " + topic + " in " + topics(response));
    }

    /** Removes every entry of the bundle-derived prefetch that matches. */
    static void remove(ObjectNode request, String key, Predicate<JsonNode> which) {
        JsonNode bundle = request.path("prefetch").path(key);
        for (Iterator<JsonNode> it = ((ArrayNode) bundle.path("entry")).elements(); it.hasNext(); ) {
            if (which.test(it.next().path("resource"))) {
                it.remove();
            }
        }
    }

    static boolean coded(JsonNode resource, String code) {
        return resource.path("code").path("coding").toString().contains("\"" + code + "\"");
    }

    @Test
    void discoveryIsOpenAndListsBothServicesWithPrefetchTemplates() {
        Http.Reply r = cds.send("/cds-services", "GET", null, java.util.Map.of());
        assertThat(r.status()).isEqualTo(200);
        JsonNode services = r.json().get("services");
        save("discovery.json", r.json());
        assertThat(services).hasSize(3);
        assertThat(services.findValuesAsText("hook")).containsExactly("patient-view", "order-sign", "order-select");
        assertThat(services.findValuesAsText("id")).containsExactly("hcc-guidance", "hcc-order-check", "hcc-order-check");
        JsonNode prefetch = services.get(0).get("prefetch");
        assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(prefetch.get("observations").asText()).startsWith("Observation?patient={{context.patientId}}&code=")
                .contains("http://loinc.org|1834-1", "http://loinc.org|1975-2", "http://loinc.org|1751-7", "http://loinc.org|6301-6",
                        "http://loinc.org|89247-1", "http://loinc.org|69548-6");
        services.forEach(s -> assertThat(s.path("description").asText()).isNotBlank());
    }

    @Test
    void postAtezolizumabBevacizumabProgression() {
        JsonNode r = guidance("post-atezo-bev-progression.json");
        assertThat(topics(r)).startsWith("LENVATINIB").contains("CABOZANTINIB", "REGORAFENIB", "RAMUCIRUMAB", "MDT_DISCUSSION",
                "ALERTS", "TRIALS").doesNotContain("ATEZOLIZUMAB_BEVACIZUMAB");
        int options = (int) topics(r).stream().filter(t -> !t.equals("ALERTS") && !t.equals("TRIALS")).count();
        JsonNode lenvatinib = card(r, "LENVATINIB");
        assertThat(lenvatinib.path("summary").asText()).isEqualTo("Option 1 of " + options + ": Lenvatinib (Standard)");
        assertThat(lenvatinib.path("indicator").asText()).isEqualTo("info");
        assertThat(lenvatinib.path("detail").asText()).contains("**Rationale.**", "Strength: **STANDARD**", "- Grade: evidence ", "| Study | Year |", "\\[46\\]",
                "progressed on ATEZOLIZUMAB\\_BEVACIZUMAB");
        assertThat(lenvatinib.at("/source/label").asText()).startsWith("HCC Guidance, rule set sha256:");
        assertThat(lenvatinib.at("/source/url").asText()).isEqualTo(cds.url("/api/v1/ruleset"));
        assertThat(lenvatinib.at("/links/0/url").asText()).startsWith("https://hcc.example.org/guidance?evaluation=");
        assertThat(lenvatinib.at("/links/0/type").asText()).isEqualTo("absolute");
        assertThat(lenvatinib.get("overrideReasons").findValuesAsText("code")).contains("mdt-decision", "record-incorrect");
        // Units: bilirubin was sent as 17.1 umol/L and albumin as 39 g/L.
        String alerts = card(r, "ALERTS").path("detail").asText();
        assertThat(alerts).contains("| liver.bilirubinMgDl | 1.0 mg/dL |", "| liver.albuminGDl | 3.9 g/dL |",
                "| priorSystemicTherapies | line 1: ATEZOLIZUMAB\\_BEVACIZUMAB, PROGRESSION |",
                "progressing lesions 6", "TP53 INACTIVATING\\_MUTATION");
        assertThat(card(r, "TRIALS").path("summary").asText()).startsWith("6 recruiting trials match: NCT04435977");
    }

    @Test
    void varicealBleedBarsEveryVegfTargetingOption() {
        JsonNode r = guidance("variceal-bleed.json");
        assertThat(topics(r)).contains("NIVOLUMAB_IPILIMUMAB", "MDT_DISCUSSION", "ALERTS")
                .doesNotContain("LENVATINIB", "CABOZANTINIB", "REGORAFENIB", "SORAFENIB", "RAMUCIRUMAB");
        JsonNode alerts = card(r, "ALERTS");
        assertThat(alerts.path("indicator").asText()).isEqualTo("warning");
        assertThat(alerts.path("summary").asText()).startsWith("Anti-VEGF therapy is contraindicated");
        assertThat(alerts.path("detail").asText()).contains("`LENVATINIB`: ", "`REGORAFENIB`: ", "because of recent variceal bleeding",
                "| risks.recentVaricealBleeding | yes: Bleeding esophageal varices |");
    }

    @Test
    void childPughBAfterImmunotherapyIntolerance() {
        JsonNode r = guidance("child-pugh-b.json");
        JsonNode alerts = card(r, "ALERTS");
        assertThat(alerts.path("indicator").asText()).isEqualTo("warning");
        assertThat(alerts.path("summary").asText()).startsWith("Warning: Child-Pugh B7, ECOG 1");
        // The strongest alert sets the indicator of every guidance card.
        assertThat(card(r, "LENVATINIB").path("indicator").asText()).isEqualTo("warning");
        assertThat(topics(r)).contains("CONTINUE_IMMUNOTHERAPY");
        assertThat(alerts.path("detail").asText()).contains("| liver.ascites | MILD (Ascites) |",
                "| priorSystemicTherapies | line 1: DURVALUMAB\\_TREMELIMUMAB, INTOLERANCE |",
                "| adverseEvents | COLITIS grade 3, immune-related, resolved |");
        assertThat(card(r, "TRIALS").path("summary").asText()).contains("NCT05201404");
    }

    @Test
    void firstLine() {
        JsonNode r = guidance("first-line.json");
        assertThat(topics(r)).startsWith("ATEZOLIZUMAB_BEVACIZUMAB", "DURVALUMAB_TREMELIMUMAB").doesNotContain("TRIALS", "LENVATINIB");
        assertThat(card(r, "ATEZOLIZUMAB_BEVACIZUMAB").path("summary").asText()).startsWith("Option 1 of ").contains(": Atezolizumab plus bevacizumab");
    }

    @Test
    void oligoprogressionPutsLocalTherapyFirst() {
        JsonNode r = guidance("oligoprogression.json");
        assertThat(topics(r)).startsWith("LOCOREGIONAL_THERAPY", "CONTINUE_IMMUNOTHERAPY");
    }

    @Test
    void missingEndoscopyIsNamedAsDataThatWouldChangeTheAnswer() {
        ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").build();
        req.with("prefetch").putNull("procedures");
        JsonNode alerts = card(guidance(req, null), "ALERTS");
        assertThat(alerts.path("detail").asText()).contains("**risks.untreatedHighRiskVarices**: add the last upper endoscopy date to refine");
    }

    @Test
    void aValueOutsideTheLookBackWindowIsUnknownAndListed() {
        ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").build();
        String old = Instant.now().minus(75, ChronoUnit.DAYS).toString();
        for (JsonNode e : req.at("/prefetch/observations/entry")) {
            if (coded(e.path("resource"), "1834-1")) {
                ((ObjectNode) e.path("resource")).put("effectiveDateTime", old);
            }
        }
        JsonNode r = guidance(req, null);
        // AFP unknown: the guidance names the gap, and the card says why the record did not settle it.
        assertThat(card(r, "ALERTS").path("detail").asText()).contains("**tumour.afpNgMl**: ramucirumab is offered only when AFP",
                "the latest value is from", "older than the 60-day look-back");
    }

    @Test
    void noEcogInTheWindowGivesOneDataNeededCard() {
        ObjectNode req = CdsHttp.example("first-line.json").build();
        String old = Instant.now().minus(90, ChronoUnit.DAYS).toString();
        for (JsonNode e : req.at("/prefetch/observations/entry")) {
            if (coded(e.path("resource"), "89247-1")) {
                ((ObjectNode) e.path("resource")).put("effectiveDateTime", old);
            }
        }
        JsonNode r = guidance(req, "patient-view-data-needed.json");
        assertThat(topics(r)).containsExactly("DATA_NEEDED");
        JsonNode c = r.get("cards").get(0);
        assertThat(c.path("summary").asText()).startsWith("HCC guidance needs more data");
        assertThat(c.path("detail").asText()).contains("**ecog**", "older than the 30-day look-back", "record an ECOG performance status");
    }

    @Test
    void aPatientWithoutAnHccDiagnosisGetsNoCards() {
        ObjectNode req = CdsHttp.example("first-line.json").build();
        remove(req, "conditions", res -> coded(res, "25370001"));
        assertThat(guidance(req, null).get("cards")).isEmpty();
    }

    @Test
    void aRefusedUnitIsNamedAndTheValueIsNotUsed() {
        ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").build();
        for (JsonNode e : req.at("/prefetch/observations/entry")) {
            if (coded(e.path("resource"), "1834-1")) {
                ((ObjectNode) e.path("resource").path("valueQuantity")).put("code", "[IU]/mL").put("unit", "IU/mL");
            }
        }
        JsonNode r = guidance(req, null);
        assertThat(card(r, "ALERTS").path("detail").asText())
                .contains("**tumour.afpNgMl**: ", "a result was refused: unit '\\[IU\\]/mL' cannot be converted to ng/mL")
                .doesNotContain("| tumour.afpNgMl |");
    }

    @Test
    void aHospitalAddsALocalCodeWithoutRecompiling() throws Exception {
        Path table = RULES.resolve("terminology/terminology.tsv");
        String before = Files.readString(table);
        try {
            Files.writeString(table, before + "http://hospital.example.org/lab\tAFP-LOCAL\tobservation\ttumour.afpNgMl\t\tAFP (local lab code)\n");
            Thread.sleep(1100);
            ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").build();
            for (JsonNode e : req.at("/prefetch/observations/entry")) {
                if (coded(e.path("resource"), "1834-1")) {
                    ((ObjectNode) e.path("resource").path("code").path("coding").get(0))
                            .put("system", "http://hospital.example.org/lab").put("code", "AFP-LOCAL");
                    ((ObjectNode) e.path("resource").path("valueQuantity")).put("value", 777);
                }
            }
            assertThat(card(guidance(req, null), "ALERTS").path("detail").asText()).contains("| tumour.afpNgMl | 777.0 ng/mL |");
        } finally {
            Files.writeString(table, before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no hook|hook|hook",
            "no hookInstance|hookInstance|hookInstance",
            "no context|context|context",
    })
    void requiredMembersAreChecked(String name, String member, String field) {
        ObjectNode req = CdsHttp.example("first-line.json").build();
        req.remove(member);
        problem(cds.call("hcc-guidance", req), 400, field);
    }

    @Test
    void malformedRequestsAre400ProblemsNamingTheField() {
        ObjectNode req = CdsHttp.example("first-line.json").build();
        req.put("hookInstance", "not-a-uuid");
        problem(cds.call("hcc-guidance", req), 400, "hookInstance");

        req = CdsHttp.example("first-line.json").build();
        req.put("hook", "order-sign");
        problem(cds.call("hcc-guidance", req), 400, "hook");

        req = CdsHttp.example("first-line.json").build();
        req.with("context").put("patientId", "../../Patient");
        problem(cds.call("hcc-guidance", req), 400, "context.patientId");

        req = CdsHttp.example("first-line.json").build();
        req.with("context").remove("userId");
        problem(cds.call("hcc-guidance", req), 400, "context.userId");

        req = CdsHttp.example("first-line.json").build();
        req.putObject("fhirAuthorization").put("access_token", "x").put("token_type", "Bearer").put("expires_in", 300)
                .put("scope", "patient/*.read").put("subject", "cds");
        problem(cds.call("hcc-guidance", req), 400, "fhirServer");

        req = CdsHttp.example("first-line.json").build();
        ((ObjectNode) req.at("/prefetch/conditions/entry/0/resource/subject")).put("reference", "Patient/someone-else");
        problem(cds.call("hcc-guidance", req), 400, "prefetch.conditions");

        req = CdsHttp.example("first-line.json").build();
        req.with("prefetch").putObject("observations").put("resourceType", "NoSuchType");
        problem(cds.call("hcc-guidance", req), 400, "prefetch.observations");

        String path = "/cds-services/hcc-guidance";
        problem(cds.post(path, "{\"hook\": ", CdsTestClients.rs384(CdsTestClients.claims(cds.url(path)).build())), 400, "(body)");
        assertThat(cds.call("no-such-service", CdsHttp.example("first-line.json").build()).status()).isIn(401, 404);
    }

    @Test
    void aRequiredPrefetchKeyMissingWithoutAFhirServerIs412() {
        ObjectNode req = CdsHttp.example("first-line.json").build();
        req.with("prefetch").remove("conditions");
        Http.Reply r = cds.call("hcc-guidance", req);
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("'conditions'");
    }

    static void problem(Http.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.body()).contains(field);
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }
}
