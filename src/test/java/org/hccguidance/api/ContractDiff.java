package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two OpenAPI documents the way a client built from the older one experiences the newer:
 * what it relied on and no longer finds is breaking; what is new is an addition it may ignore.
 * Plain JSON walking, no network, no library: the rules are few and this is where they are written.
 *
 * <p>Breaking: a path, operation, parameter, request body, success response or schema removed; a
 * property removed from a schema; an enum value removed; a type or format changed; a parameter,
 * request body or request property newly required; a response property no longer required.
 * A schema reached from a request body or parameter is a request schema, one reached from a response
 * a response schema (both, for a schema used both ways).
 */
final class ContractDiff {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    final List<String> breaking = new ArrayList<>();
    final List<String> additions = new ArrayList<>();

    private final JsonNode before;
    private final JsonNode after;
    private final Set<String> requestSchemas = new HashSet<>();
    private final Set<String> responseSchemas = new HashSet<>();

    private ContractDiff(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    static ContractDiff between(JsonNode before, JsonNode after) {
        ContractDiff d = new ContractDiff(before, after);
        d.classifySchemas();
        d.comparePaths();
        d.compareSchemas();
        return d;
    }

    private void comparePaths() {
        JsonNode oldPaths = before.path("paths");
        JsonNode newPaths = after.path("paths");
        for (String path : names(oldPaths)) {
            if (!newPaths.has(path)) {
                breaking.add("path removed: " + path);
                continue;
            }
            for (String method : names(oldPaths.get(path))) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String op = method.toUpperCase() + " " + path;
                JsonNode o = oldPaths.get(path).get(method);
                JsonNode n = newPaths.get(path).get(method);
                if (n == null) {
                    breaking.add("operation removed: " + op);
                    continue;
                }
                compareOperation(op, o, n);
            }
            for (String method : names(newPaths.get(path))) {
                if (METHODS.contains(method) && !oldPaths.get(path).has(method)) {
                    additions.add("operation added: " + method.toUpperCase() + " " + path);
                }
            }
        }
        for (String path : names(newPaths)) {
            if (!oldPaths.has(path)) {
                additions.add("path added: " + path);
            }
        }
    }

    private void compareOperation(String op, JsonNode o, JsonNode n) {
        if (!o.path("operationId").asText().equals(n.path("operationId").asText())) {
            breaking.add(op + ": operationId changed from " + o.path("operationId").asText() + " to "
                    + n.path("operationId").asText() + " (generated clients name their methods after it)");
        }
        for (JsonNode p : o.path("parameters")) {
            JsonNode q = parameter(n, p.path("name").asText(), p.path("in").asText());
            if (q == null) {
                breaking.add(op + ": parameter removed: " + p.path("name").asText());
            } else {
                compareSchema(op + " parameter " + p.path("name").asText(), p.path("schema"), q.path("schema"));
            }
        }
        for (JsonNode q : n.path("parameters")) {
            JsonNode p = parameter(o, q.path("name").asText(), q.path("in").asText());
            if (p == null && q.path("required").asBoolean()) {
                breaking.add(op + ": new required parameter: " + q.path("name").asText());
            } else if (p != null && q.path("required").asBoolean() && !p.path("required").asBoolean()) {
                breaking.add(op + ": parameter became required: " + q.path("name").asText());
            } else if (p == null) {
                additions.add(op + ": parameter added: " + q.path("name").asText());
            }
        }
        JsonNode oldBody = o.path("requestBody");
        JsonNode newBody = n.path("requestBody");
        if (!oldBody.isMissingNode() && newBody.isMissingNode()) {
            breaking.add(op + ": request body removed");
        }
        if (newBody.path("required").asBoolean() && !oldBody.path("required").asBoolean()) {
            breaking.add(op + ": request body became required");
        }
        for (String type : names(oldBody.path("content"))) {
            if (!newBody.path("content").has(type)) {
                breaking.add(op + ": request media type no longer accepted: " + type);
            } else {
                compareSchema(op + " request " + type, oldBody.path("content").get(type).path("schema"),
                        newBody.path("content").get(type).path("schema"));
            }
        }
        for (String status : names(o.path("responses"))) {
            JsonNode oldResponse = o.path("responses").get(status);
            JsonNode newResponse = n.path("responses").get(status);
            if (newResponse == null) {
                if (status.startsWith("2")) {
                    breaking.add(op + ": response " + status + " removed");
                }
                continue;
            }
            for (String type : names(oldResponse.path("content"))) {
                if (!newResponse.path("content").has(type)) {
                    breaking.add(op + ": response " + status + " no longer " + type);
                } else {
                    compareSchema(op + " response " + status, oldResponse.path("content").get(type).path("schema"),
                            newResponse.path("content").get(type).path("schema"));
                }
            }
        }
        for (String status : names(n.path("responses"))) {
            if (!o.path("responses").has(status)) {
                additions.add(op + ": response " + status + " documented");
            }
        }
    }

    private void compareSchemas() {
        JsonNode oldSchemas = before.path("components").path("schemas");
        JsonNode newSchemas = after.path("components").path("schemas");
        for (String name : names(oldSchemas)) {
            JsonNode o = oldSchemas.get(name);
            JsonNode n = newSchemas.get(name);
            if (n == null) {
                breaking.add("schema removed or renamed: " + name + " (generated clients name their types after it)");
                continue;
            }
            compareSchema("schema " + name, o, n);
            Set<String> oldRequired = strings(o.path("required"));
            Set<String> newRequired = strings(n.path("required"));
            for (String p : names(o.path("properties"))) {
                if (!n.path("properties").has(p)) {
                    breaking.add("schema " + name + ": property removed: " + p);
                } else {
                    compareSchema("schema " + name + "." + p, o.path("properties").get(p), n.path("properties").get(p));
                }
            }
            for (String p : names(n.path("properties"))) {
                if (!o.path("properties").has(p)) {
                    additions.add("schema " + name + ": property added: " + p);
                }
            }
            if (requestSchemas.contains(name)) {
                for (String p : newRequired) {
                    if (!oldRequired.contains(p)) {
                        breaking.add("schema " + name + " (request): property became required: " + p);
                    }
                }
            }
            if (responseSchemas.contains(name)) {
                for (String p : oldRequired) {
                    if (!newRequired.contains(p)) {
                        breaking.add("schema " + name + " (response): property no longer required: " + p);
                    }
                }
            }
        }
        for (String name : names(newSchemas)) {
            if (!oldSchemas.has(name)) {
                additions.add("schema added: " + name);
            }
        }
    }

    /** Type, format, reference and enum values of one schema, and of its array items. */
    private void compareSchema(String where, JsonNode o, JsonNode n) {
        if (o.isMissingNode() || n.isMissingNode()) {
            return;
        }
        for (String key : List.of("type", "format", "$ref")) {
            String was = o.path(key).asText(null);
            String is = n.path(key).asText(null);
            if (was != null && !was.equals(is)) {
                breaking.add(where + ": " + key + " changed from " + was + " to " + is);
            }
        }
        if (o.has("enum")) {
            Set<String> now = strings(n.path("enum"));
            for (String value : strings(o.path("enum"))) {
                if (!n.has("enum") || !now.contains(value)) {
                    breaking.add(where + ": enum value removed: " + value);
                }
            }
            for (String value : now) {
                if (!strings(o.path("enum")).contains(value)) {
                    additions.add(where + ": enum value added: " + value);
                }
            }
        }
        if (o.has("items")) {
            compareSchema(where + "[]", o.path("items"), n.path("items"));
        }
    }

    private void classifySchemas() {
        for (JsonNode item : iterable(before.path("paths"))) {
            for (String method : names(item)) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode op = item.get(method);
                op.path("parameters").forEach(p -> reach(p.path("schema"), requestSchemas));
                op.path("requestBody").path("content").forEach(c -> reach(c.path("schema"), requestSchemas));
                op.path("responses").forEach(r -> r.path("content").forEach(c -> reach(c.path("schema"), responseSchemas)));
            }
        }
    }

    /** Every component schema a schema refers to, directly or through properties, items and compositions. */
    private void reach(JsonNode schema, Set<String> into) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            if (into.add(name)) {
                reach(before.path("components").path("schemas").path(name), into);
            }
            return;
        }
        schema.path("properties").forEach(p -> reach(p, into));
        reach(schema.path("items"), into);
        reach(schema.path("additionalProperties"), into);
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(key).forEach(s -> reach(s, into));
        }
    }

    private static JsonNode parameter(JsonNode op, String name, String in) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals(name) && p.path("in").asText().equals(in)) {
                return p;
            }
        }
        return null;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        breaking.forEach(b -> sb.append("BREAKING ").append(b).append('\n'));
        additions.forEach(a -> sb.append("added    ").append(a).append('\n'));
        return sb.toString();
    }
}
