package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a CDS Hooks response against the specification (2.0.1) and its invariants: required members,
 * allowed codes, summary under 140 characters, absolute URLs, no null or empty JSON members, and the
 * invariants cds-resp-1 (at-most-one: at most one recommended suggestion), cds-resp-2 (delete uses
 * resourceId, not resource), cds-resp-3 (appContext only on smart links), cds-resp-4 (override reasons have a
 * display), cds-resp-5 (actions have a description), cds-resp-6 (suggestions need selectionBehavior) and
 * cds-resp-7 (actionSelectionBehavior values).
 */
public final class CdsSpecChecks {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CdsSpecChecks() {
    }

    public static void validResponse(JsonNode response) {
        assertThat(response.isObject()).as("response is an object").isTrue();
        assertThat(response.has("cards") && response.get("cards").isArray()).as("cards array is required").isTrue();
        noNullOrEmpty(response, "$", true);
        java.util.Set<String> uuids = new java.util.HashSet<>();
        for (JsonNode card : response.get("cards")) {
            validCard(card);
            assertThat(uuids.add(card.path("uuid").asText())).as("card uuids are unique").isTrue();
            card.path("suggestions").forEach(s -> assertThat(uuids.add(s.path("uuid").asText())).as("suggestion uuids are unique").isTrue());
        }
    }

    static void validCard(JsonNode card) {
        String summary = card.path("summary").asText(null);
        assertThat(summary).as("card.summary is required").isNotBlank();
        assertThat(summary.length()).as("card.summary under 140 characters: " + summary).isLessThan(140);
        assertThat(card.path("indicator").asText()).as("card.indicator").isIn("info", "warning", "critical");
        JsonNode source = card.get("source");
        assertThat(source).as("card.source is required").isNotNull();
        assertThat(source.path("label").asText()).as("source.label").isNotBlank();
        if (source.has("url")) {
            absolute(source.get("url").asText());
        }
        if (source.has("icon")) {
            absolute(source.get("icon").asText());
        }
        if (source.has("topic")) {
            assertThat(source.get("topic").path("code").asText()).isNotBlank();
        }
        assertThat(card.path("uuid").asText()).as("card.uuid (needed for feedback)").matches(UUID);
        if (card.has("detail")) {
            assertThat(card.get("detail").isTextual()).isTrue();
        }
        JsonNode suggestions = card.get("suggestions");
        if (suggestions != null) {
            assertThat(card.path("selectionBehavior").asText(null)).as("cds-resp-6: suggestions need selectionBehavior").isIn("at-most-one", "any");
            int recommended = 0;
            for (JsonNode s : suggestions) {
                assertThat(s.path("label").asText()).as("suggestion.label").isNotBlank();
                if (s.has("uuid")) {
                    assertThat(s.get("uuid").asText()).matches(UUID);
                }
                if (s.path("isRecommended").asBoolean(false)) {
                    recommended++;
                }
                if (s.has("actionSelectionBehavior")) {
                    assertThat(s.get("actionSelectionBehavior").asText()).as("cds-resp-7").isIn("all", "any", "at-most-one");
                }
                for (JsonNode a : s.path("actions")) {
                    assertThat(a.path("type").asText()).as("action.type").isIn("create", "update", "delete");
                    assertThat(a.path("description").asText()).as("cds-resp-5: action.description").isNotBlank();
                    if (a.path("type").asText().equals("delete")) {
                        assertThat(a.path("resourceId").asText()).as("cds-resp-2: delete names resourceId").isNotBlank();
                        assertThat(a.has("resource")).as("cds-resp-2: delete has no resource").isFalse();
                    } else {
                        assertThat(a.path("resource").path("resourceType").asText()).as("create/update carry a resource").isNotBlank();
                    }
                }
            }
            if (card.path("selectionBehavior").asText().equals("at-most-one")) {
                assertThat(recommended).as("cds-resp-1: at-most-one allows one recommended suggestion").isLessThanOrEqualTo(1);
            }
        } else {
            assertThat(card.has("selectionBehavior")).as("selectionBehavior only with suggestions").isFalse();
        }
        for (JsonNode r : card.path("overrideReasons")) {
            assertThat(r.path("code").asText()).as("overrideReason.code").isNotBlank();
            assertThat(r.path("display").asText()).as("cds-resp-4: overrideReason.display").isNotBlank();
        }
        for (JsonNode l : card.path("links")) {
            assertThat(l.path("label").asText()).isNotBlank();
            assertThat(l.path("type").asText()).isIn("absolute", "smart");
            absolute(l.path("url").asText());
            if (!l.path("type").asText().equals("smart")) {
                assertThat(l.has("appContext")).as("cds-resp-3: appContext only for smart links").isFalse();
            }
        }
        Set<String> known = Set.of("uuid", "summary", "detail", "indicator", "source", "suggestions", "selectionBehavior",
                "overrideReasons", "links", "extension");
        card.fieldNames().forEachRemaining(f -> assertThat(known).as("card member " + f).contains(f));
    }

    private static void absolute(String url) {
        URI u = URI.create(url);
        assertThat(u.isAbsolute() && (u.getScheme().equals("https") || u.getScheme().equals("http"))).as("absolute URL: " + url).isTrue();
    }

    /** "JSON elements SHALL NOT be null ... SHALL NOT be empty", except the top-level cards array. */
    private static void noNullOrEmpty(JsonNode node, String path, boolean top) {
        if (node.isObject()) {
            assertThat(node.isEmpty() && !top).as("empty object at " + path).isFalse();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(e.getValue().isNull()).as("null at " + path + "." + e.getKey()).isFalse();
                if (!(top && e.getKey().equals("cards"))) {
                    noNullOrEmpty(e.getValue(), path + "." + e.getKey(), false);
                } else {
                    e.getValue().forEach(c -> noNullOrEmpty(c, path + ".cards[]", false));
                }
            }
        } else if (node.isArray()) {
            assertThat(node.isEmpty()).as("empty array at " + path).isFalse();
            node.forEach(c -> noNullOrEmpty(c, path + "[]", false));
        } else if (node.isTextual() && !path.endsWith(".resource")) {
            assertThat(node.asText()).as("empty string at " + path).isNotEmpty();
        }
    }
}
