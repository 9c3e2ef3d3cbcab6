package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hcc-order-check service on order-sign and order-select, over HTTP. */
class CdsHooksOrderCheckTests extends ServiceWithAdmin {

    static final String RXNORM = CdsRequestBuilder.RXNORM;

    CdsHttp cds;

    @BeforeEach
    void client() {
        cds = new CdsHttp(port);
    }

    JsonNode check(ObjectNode request, String sample) {
        Http.Reply r = cds.call("hcc-order-check", request);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        CdsSpecChecks.validResponse(body);
        if (sample != null) {
            CdsHooksPatientViewTests.save(sample, body);
        }
        return body;
    }

    @Test
    void bevacizumabAfterAVaricealBleedGetsACriticalCardWithOverrideReasonsAndARemoveSuggestion() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-sign")
                .draftOrder("bev-1", RXNORM, "253337", "bevacizumab").build();
        CdsHooksPatientViewTests.save("order-sign-request-variceal-bleed.json", req);
        JsonNode r = check(req, "order-sign-variceal-bleed-bevacizumab.json");
        assertThat(r.get("cards")).hasSize(1);
        JsonNode card = r.get("cards").get(0);
        assertThat(card.path("indicator").asText()).isEqualTo("critical");
        assertThat(card.path("summary").asText()).isEqualTo("Do not sign Bevacizumab: anti-VEGF therapy is contraindicated for this patient");
        assertThat(card.path("detail").asText()).contains("VEGF-targeting agent", "**What the guidance says**",
                "because of recent variceal bleeding", "`NIVOLUMAB_IPILIMUMAB`")
                .doesNotContain("AFP");
        assertThat(card.path("overrideReasons").findValuesAsText("code"))
                .contains("benefit-outweighs-risk", "contraindication-resolved", "mdt-decision");
        card.path("overrideReasons").forEach(o -> assertThat(o.path("display").asText()).isNotBlank());
        assertThat(card.path("selectionBehavior").asText()).isEqualTo("at-most-one");
        JsonNode action = card.at("/suggestions/0/actions/0");
        assertThat(action.path("type").asText()).isEqualTo("delete");
        assertThat(action.path("resourceId").asText()).isEqualTo("MedicationRequest/bev-1");
        assertThat(card.at("/suggestions/0/isRecommended").asBoolean()).isTrue();
        assertThat(card.at("/source/topic/code").asText()).isEqualTo("BEVACIZUMAB");
    }

    @Test
    void lenvatinibForAFitPatientAfterImmunotherapyGetsNoCard() {
        ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").hook("order-sign")
                .draftOrder("lenva-1", RXNORM, "1603296", "lenvatinib").build();
        assertThat(check(req, "order-sign-lenvatinib-fits.json").get("cards")).isEmpty();
    }

    @Test
    void lenvatinibAfterAVaricealBleedIsCriticalToo() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-sign")
                .draftOrder("lenva-1", "http://www.whocc.no/atc", "L01EX08", "lenvatinib").build();
        JsonNode card = check(req, null).get("cards").get(0);
        assertThat(card.path("indicator").asText()).isEqualTo("critical");
        assertThat(card.at("/source/topic/code").asText()).isEqualTo("LENVATINIB");
        assertThat(card.path("detail").asText()).contains("because of recent variceal bleeding");
    }

    @Test
    void aRuledOutRegimenWithoutASafetyBarGetsAWarning() {
        // After progression on atezolizumab plus bevacizumab the guidance rules out lenvatinib plus pembrolizumab.
        ObjectNode req = CdsHttp.example("post-atezo-bev-progression.json").hook("order-sign")
                .draftOrder("lenva-1", RXNORM, "1603296", "lenvatinib")
                .draftOrder("pembro-1", RXNORM, "1547545", "pembrolizumab").build();
        JsonNode cards = check(req, null).get("cards");
        assertThat(cards).hasSize(2);
        cards.forEach(c -> {
            assertThat(c.path("indicator").asText()).isEqualTo("warning");
            assertThat(c.at("/source/topic/code").asText()).isEqualTo("LENVATINIB_PEMBROLIZUMAB");
            assertThat(c.path("detail").asText()).contains("continuing PD-(L)1 blockade with a multikinase inhibitor");
        });
        assertThat(cards.findValuesAsText("resourceId")).containsExactlyInAnyOrder("MedicationRequest/lenva-1", "MedicationRequest/pembro-1");
    }

    @Test
    void orderSelectChecksOnlyTheSelectedOrders() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-select")
                .draftOrder("bev-1", RXNORM, "253337", "bevacizumab")
                .draftOrder("nivo-1", RXNORM, "1597876", "nivolumab").build();
        ((com.fasterxml.jackson.databind.node.ArrayNode) req.with("context").withArray("selections")).removeAll().add("MedicationRequest/nivo-1");
        assertThat(check(req, null).get("cards")).isEmpty();
        ((com.fasterxml.jackson.databind.node.ArrayNode) req.with("context").withArray("selections")).removeAll().add("MedicationRequest/bev-1");
        req.put("hookInstance", java.util.UUID.randomUUID().toString());
        assertThat(check(req, null).at("/cards/0/indicator").asText()).isEqualTo("critical");
    }

    @Test
    void ordersOutsideTheCatalogueAndPatientsWithoutHccGetNoCard() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-sign")
                .draftOrder("ppi-1", RXNORM, "7646", "omeprazole").build();
        assertThat(check(req, null).get("cards")).isEmpty();
        req = CdsHttp.example("variceal-bleed.json").hook("order-sign").draftOrder("bev-1", RXNORM, "253337", "bevacizumab").build();
        CdsHooksPatientViewTests.remove(req, "conditions", res -> CdsHooksPatientViewTests.coded(res, "25370001"));
        assertThat(check(req, null).get("cards")).isEmpty();
    }

    @Test
    void orderHooksNeedDraftOrders() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-sign").build();
        req.with("context").remove("draftOrders");
        CdsHooksPatientViewTests.problem(cds.call("hcc-order-check", req), 400, "context.draftOrders");
        req = CdsHttp.example("variceal-bleed.json").hook("order-select").draftOrder("bev-1", RXNORM, "253337", "bevacizumab").build();
        req.with("context").remove("selections");
        CdsHooksPatientViewTests.problem(cds.call("hcc-order-check", req), 400, "context.selections");
        req = CdsHttp.example("variceal-bleed.json").build();
        CdsHooksPatientViewTests.problem(cds.call("hcc-order-check", req), 400, "hook");
    }
}
