package org.hccguidance.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.Http;
import org.hccguidance.cdshooks.CdsHttp;
import org.hccguidance.cdshooks.CdsTestClients;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback round trip over HTTP, run against whichever database the service was started on: cards
 * issued by the order check and patient-view are stored; accepted and overridden outcomes are posted
 * by the CDS client; the admin summary shows the override rate per recommendation code and rule-set
 * version; no patient identifier or free-text comment reaches the database.
 */
final class FeedbackRoundTrip {

    static final String COMMENT = "Discussed with Mrs Examplewoman (MRN QX-884-2290) at MDT";

    private FeedbackRoundTrip() {
    }

    static void run(int port, JdbcTemplate jdbc, String[] admin) {
        CdsHttp cds = new CdsHttp(port);
        Http http = new Http(port);
        Instant since = Instant.now();

        // Three order-sign calls for bevacizumab after a variceal bleed: three critical cards.
        List<JsonNode> cards = new java.util.ArrayList<>();
        String hookInstance = null;
        for (int i = 0; i < 3; i++) {
            ObjectNode req = CdsHttp.example("variceal-bleed.json").hook("order-sign")
                    .draftOrder("bev-" + i, "http://www.nlm.nih.gov/research/umls/rxnorm",
                            "253337", "bevacizumab").build();
            hookInstance = req.path("hookInstance").asText();
            Http.Reply r = cds.call("hcc-order-check", req);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            cards.add(r.json().get("cards").get(0));
        }
        JsonNode patientView = cds.call("hcc-guidance", CdsHttp.example("post-atezo-bev-progression.json").build()).json();
        String lenvatinibCard = patientView.at("/cards/0/uuid").asText();
        assertThat(patientView.at("/cards/0/source/topic/code").asText()).isEqualTo("LENVATINIB");

        String feedback = "/cds-services/hcc-order-check/feedback";
        String overridden = "{\"feedback\": [{\"card\": \"" + cards.get(0).path("uuid").asText() + "\", \"outcome\": \"overridden\", "
                + "\"overrideReason\": {\"reason\": {\"system\": \"http://hccguidance.org/fhir/CodeSystem/override-reason\", "
                + "\"code\": \"benefit-outweighs-risk\", \"display\": \"Benefit judged to outweigh the risk for this patient\"}, "
                + "\"userComment\": \"" + COMMENT + "\"}, \"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}, "
                + "{\"card\": \"" + cards.get(1).path("uuid").asText() + "\", \"outcome\": \"accepted\", "
                + "\"acceptedSuggestions\": [{\"id\": \"" + cards.get(1).at("/suggestions/0/uuid").asText() + "\"}], "
                + "\"outcomeTimestamp\": \"2026-11-20T10:06:00Z\"}]}";
        Http.Reply stored = post(cds, feedback, overridden);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("stored").asInt()).isEqualTo(2);
        // The same entries again (clients may resend): received, stored once.
        assertThat(post(cds, feedback, overridden).json().path("stored").asInt()).isZero();

        Http.Reply guidance = post(cds, "/cds-services/hcc-guidance/feedback", "{\"feedback\": [{\"card\": \"" + lenvatinibCard
                + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-20T11:00:00Z\"}]}");
        assertThat(guidance.status()).as(guidance.body()).isEqualTo(200);

        // Bad feedback is a 400 naming the entry.
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + java.util.UUID.randomUUID() + "\", \"outcome\": \"overridden\", "
                + "\"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}]}"), "feedback[0].card");
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + lenvatinibCard + "\", \"outcome\": \"overridden\", "
                + "\"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}]}"), "feedback[0].card");
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + cards.get(2).path("uuid").asText() + "\", \"outcome\": \"accepted\", "
                + "\"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}]}"), "feedback[0].acceptedSuggestions");
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + cards.get(2).path("uuid").asText() + "\", \"outcome\": \"ignored\", "
                + "\"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}]}"), "feedback[0].outcome");
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + cards.get(2).path("uuid").asText() + "\", \"outcome\": \"overridden\", "
                + "\"overrideReason\": {}, \"outcomeTimestamp\": \"2026-11-20T10:05:31Z\"}]}"), "feedback[0].overrideReason");
        problem(post(cds, feedback, "{\"feedback\": [{\"card\": \"" + cards.get(2).path("uuid").asText() + "\", \"outcome\": \"overridden\", "
                + "\"outcomeTimestamp\": \"yesterday\"}]}"), "feedback[0].outcomeTimestamp");

        // The admin summary: override rate per recommendation code and rule-set version.
        assertThat(http.get("/api/v1/feedback/summary").status()).isEqualTo(401);
        Http.Reply summary = http.get("/api/v1/feedback/summary?since=" + since, admin);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        CdsHttp.save("feedback-summary.json", summary.json());
        CdsHttp.save("feedback-request.json", CdsHttp.parse(overridden));
        JsonNode rows = summary.json().get("rows");
        JsonNode bev = row(rows, "BEVACIZUMAB");
        assertThat(bev.path("serviceId").asText()).isEqualTo("hcc-order-check");
        assertThat(bev.path("cardKind").asText()).isEqualTo("ORDER_CHECK");
        assertThat(bev.path("rulesetVersion").asText()).startsWith("sha256:");
        assertThat(bev.path("issued").asLong()).isEqualTo(3);
        assertThat(bev.path("accepted").asLong()).isEqualTo(1);
        assertThat(bev.path("overridden").asLong()).isEqualTo(1);
        assertThat(bev.path("overrideRate").asDouble()).isEqualTo(0.333);
        assertThat(bev.path("overrideReasons").path("benefit-outweighs-risk").asLong()).isEqualTo(1);
        JsonNode lenva = row(rows, "LENVATINIB");
        assertThat(lenva.path("issued").asLong()).isEqualTo(1);
        assertThat(lenva.path("overrideRate").asDouble()).isEqualTo(1.0);
        assertThat(lenva.path("overrideReasons").path("(no reason given)").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/feedback/summary?since=last-week", admin).status()).isEqualTo(400);

        // What is stored: linked to the hook instance and card, with no patient identifier or comment.
        Map<String, Object> card = jdbc.queryForMap("SELECT * FROM cds_card WHERE card_uuid = ?", cards.get(2).path("uuid").asText());
        assertThat(card.get("hook_instance")).isEqualTo(hookInstance);
        assertThat(card.get("client_issuer")).isEqualTo(CdsTestClients.ISSUER);
        Map<String, Object> fb = jdbc.queryForMap("SELECT * FROM cds_feedback WHERE card_uuid = ?", cards.get(0).path("uuid").asText());
        assertThat(fb.get("override_code")).isEqualTo("benefit-outweighs-risk");
        assertThat(fb.get("has_user_comment")).isEqualTo(true);
        String everything = jdbc.queryForList("SELECT * FROM cds_card").toString() + jdbc.queryForList("SELECT * FROM cds_feedback");
        assertThat(everything).doesNotContain("hcc-variceal-bleed", "hcc-post-atezo-bev", "QX-884-2290", "Examplewoman", "1958-09-02");
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (code.equals(r.path("recommendationCode").asText())) {
                return r;
            }
        }
        throw new AssertionError("no summary row for " + code + ": " + rows);
    }

    private static Http.Reply post(CdsHttp cds, String path, String body) {
        return cds.post(path, body, CdsTestClients.rs384(CdsTestClients.claims(cds.url(path)).build()));
    }

    private static void problem(Http.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).contains(field);
    }
}
