package org.hccguidance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every scenario patient's full response under one rule set, keyed by scenario id, without the parts
 * that legitimately differ between two runs of the same guidance: which rules fired (the audit and each
 * item's {@code firedBy}), when, and how long it took. Two snapshots that compare equal mean a change to
 * the rule base left every answer as it was.
 */
public final class ResponseSnapshot {

    private static final ObjectMapper JSON = PatientJson.mapper();

    private ResponseSnapshot() {
    }

    /** The response of every scenario patient, as JSON, in scenario-id order. */
    public static ObjectNode take(RuleSet ruleSet, List<Scenario> scenarios, GuidanceEngine engine, Clock clock) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (Scenario s : scenarios) {
            JsonNode node;
            try {
                node = JSON.valueToTree(GuidanceService.trace(s.patient(), ruleSet, engine, clock).response());
                ((ObjectNode) node).remove("audit");
                node.findParents("firedBy").forEach(parent -> ((ObjectNode) parent).remove("firedBy"));
            } catch (InvalidPatientException | RuleExecutionException e) {
                node = JSON.getNodeFactory().textNode("error: " + e.getMessage());
            }
            byId.put(s.id(), node);
        }
        ObjectNode out = JSON.createObjectNode();
        byId.forEach(out::set);
        return out;
    }

    /** One line per difference: a scenario missing on either side, or a JSON path whose value changed. */
    public static List<String> differences(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null) {
            out.add(path + ": " + (a == null ? "added " + b : "removed " + a));
        } else if (a.isObject() && b.isObject()) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            a.fieldNames().forEachRemaining(n -> names.put(n, true));
            b.fieldNames().forEachRemaining(n -> names.put(n, true));
            for (String n : names.keySet()) {
                diff(path + "/" + n, a.get(n), b.get(n), out);
            }
        } else if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " -> " + b);
        }
    }

    static Iterator<String> ids(JsonNode snapshot) {
        return snapshot.fieldNames();
    }
}
