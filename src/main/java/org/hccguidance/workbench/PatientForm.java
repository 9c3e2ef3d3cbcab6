package org.hccguidance.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.hccguidance.facts.FieldProblem;
import org.hccguidance.facts.PatientCase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient form, built from the same schema the API contract publishes for the guidance request, so
 * every input of the contract is on the page with its label, unit, range and allowed values, and a field
 * added to the contract appears without anyone editing the page. Converts the submitted form to the JSON
 * body the API takes (then checked by the API's own reader) and a patient back to form values.
 */
public final class PatientForm {

    /** Rows a list section shows when it has fewer values; one more row than values otherwise. */
    static final int EMPTY_ROWS = 3;
    /** Rows of one list the form reads and draws at most. */
    static final int MAX_ROWS = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<FormSection> template;

    @SuppressWarnings("rawtypes")
    public PatientForm() {
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(PatientCase.class));
        this.template = sections(schemas);
    }

    /** The sections with as many rows per list as the values need, and the given choices for catalogue fields. */
    public List<FormSection> sections(Map<String, String> values, Map<String, List<String>> catalogueChoices) {
        List<FormSection> out = new ArrayList<>();
        for (FormSection s : template) {
            List<FormField> fields = s.fields().stream().map(f -> choices(f, catalogueChoices)).toList();
            if (!s.list()) {
                out.add(new FormSection(s.key(), s.legend(), fields, List.of()));
                continue;
            }
            int used = 0;
            Pattern row = Pattern.compile(Pattern.quote(s.key()) + "\\[(\\d{1,3})]\\..*");
            for (String path : values.keySet()) {
                Matcher m = row.matcher(path);
                // Rows beyond those the conversion reads are never drawn: a crafted name cannot grow the page.
                if (m.matches() && Integer.parseInt(m.group(1)) < MAX_ROWS) {
                    used = Math.max(used, Integer.parseInt(m.group(1)) + 1);
                }
            }
            int count = Math.max(EMPTY_ROWS, used + 1);
            List<List<FormField>> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                rows.add(fields.stream().map(f -> f.inRow(s.key(), index)).toList());
            }
            out.add(new FormSection(s.key(), s.legend(), fields, rows));
        }
        return out;
    }

    private static FormField choices(FormField f, Map<String, List<String>> catalogueChoices) {
        String leaf = f.path().substring(f.path().lastIndexOf('.') + 1);
        List<String> values = catalogueChoices.get(leaf);
        return values == null || f.kind() != FormField.Kind.TEXT ? f : f.withOptions(values);
    }

    /**
     * The request body for submitted form values: empty inputs are left out (unknown, as in the API), a
     * list row with no value is dropped, and a value that is not a number where one is needed is a problem
     * named by its field, as the API would name it.
     */
    public Conversion toJson(Map<String, String[]> params) {
        ObjectNode root = NODES.objectNode();
        List<FieldProblem> problems = new ArrayList<>();
        for (FormSection s : template) {
            if (s.list()) {
                ArrayNode rows = NODES.arrayNode();
                for (int i = 0; i < MAX_ROWS; i++) {
                    ObjectNode row = NODES.objectNode();
                    boolean present = false;
                    for (FormField f : s.fields()) {
                        String path = s.key() + "[" + i + "]." + f.path();
                        present |= params.containsKey(path);
                        put(row, f.path(), f, params.get(path), path, problems);
                    }
                    if (!present) {
                        break;
                    }
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                }
                if (!rows.isEmpty()) {
                    objectAt(root, parentOf(s.key())).set(leafOf(s.key()), rows);
                }
            } else {
                for (FormField f : s.fields()) {
                    put(root, f.path(), f, params.get(f.path()), f.path(), problems);
                }
            }
        }
        return new Conversion(root, problems);
    }

    /** The form's JSON body and the inputs that could not be read. */
    public record Conversion(ObjectNode body, List<FieldProblem> problems) {
    }

    private static void put(ObjectNode root, String path, FormField f, String[] raw, String fieldName,
                            List<FieldProblem> problems) {
        if (raw == null) {
            return;
        }
        List<String> given = new ArrayList<>();
        for (String v : raw) {
            if (v != null && !v.isBlank()) {
                given.add(v.trim());
            }
        }
        if (given.isEmpty()) {
            return;
        }
        JsonNode value;
        try {
            value = switch (f.kind()) {
                case MULTI_CHOICE -> {
                    ArrayNode arr = NODES.arrayNode();
                    given.forEach(arr::add);
                    yield arr;
                }
                case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(given.get(0)));
                case INTEGER -> NODES.numberNode(Long.parseLong(given.get(0)));
                case NUMBER -> NODES.numberNode(new BigDecimal(given.get(0)));
                default -> NODES.textNode(given.get(0));
            };
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(fieldName, f.kind() == FormField.Kind.INTEGER ? "must be a whole number"
                    : "must be a number (use a point for decimals)"));
            return;
        }
        // The parent object exists only once a value is in it: an empty object would say "given, all unknown".
        objectAt(root, parentOf(path)).set(leafOf(path), value);
    }

    /** Form values for a patient given as JSON: one entry per input, multi-choice values joined by nothing. */
    public static Map<String, List<String>> values(JsonNode patient) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        flatten("", patient, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            if (scalars) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                out.put(prefix, items);
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + "[" + i + "]", node.get(i), out);
                }
            }
        } else {
            out.put(prefix, List.of(node.isBigDecimal() || node.isDouble() ? node.decimalValue().stripTrailingZeros()
                    .toPlainString() : node.asText()));
        }
    }

    private static ObjectNode objectAt(ObjectNode root, String path) {
        ObjectNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            JsonNode child = node.get(part);
            node = child instanceof ObjectNode o ? o : node.putObject(part);
        }
        return node;
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String leafOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    // ---- reading the schema ----

    @SuppressWarnings("rawtypes")
    private static List<FormSection> sections(Map<String, Schema> schemas) {
        Schema root = schemas.get("PatientCase");
        List<FormSection> objects = new ArrayList<>();
        List<FormSection> lists = new ArrayList<>();
        List<FormField> top = new ArrayList<>();
        for (Object o : root.getProperties().entrySet()) {
            Map.Entry e = (Map.Entry) o;
            collect((String) e.getKey(), (Schema) e.getValue(), schemas, top, objects, lists);
        }
        List<FormSection> out = new ArrayList<>();
        out.add(new FormSection("patient", "Patient", top, List.of()));
        out.addAll(objects);
        out.addAll(lists);
        return out;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void collect(String path, Schema property, Map<String, Schema> schemas, List<FormField> into,
                                List<FormSection> objects, List<FormSection> lists) {
        Schema target = resolve(property, schemas);
        if (isArray(target)) {
            Schema items = resolve(target.getItems(), schemas);
            if (items.getProperties() != null) {
                List<FormField> rowFields = new ArrayList<>();
                items.getProperties().forEach((k, v) -> {
                    Schema s = resolve((Schema) v, schemas);
                    rowFields.add(field((String) k, (Schema) v, s));
                });
                lists.add(new FormSection(path, humanise(path), rowFields, List.of(List.of())));
            } else {
                into.add(new FormField(path, label(property, items, path), help(property, items), FormField.Kind.MULTI_CHOICE,
                        enumValues(items), null, null));
            }
            return;
        }
        if (target.getProperties() != null) {
            List<FormField> fields = new ArrayList<>();
            List<FormSection> nestedLists = new ArrayList<>();
            target.getProperties().forEach((k, v) -> collect(path + "." + k, (Schema) v, schemas, fields, objects, nestedLists));
            objects.add(new FormSection(path, humanise(path), fields, List.of()));
            lists.addAll(nestedLists);
            return;
        }
        into.add(field(path, property, target));
    }

    @SuppressWarnings("rawtypes")
    private static FormField field(String path, Schema property, Schema s) {
        List<String> enums = enumValues(s);
        String type = s.getType() != null ? s.getType() : s.getTypes() == null ? "string" : (String) s.getTypes().iterator().next();
        FormField.Kind kind = !enums.isEmpty() ? FormField.Kind.CHOICE : switch (type) {
            case "integer" -> FormField.Kind.INTEGER;
            case "number" -> FormField.Kind.NUMBER;
            case "boolean" -> FormField.Kind.BOOLEAN;
            default -> FormField.Kind.TEXT;
        };
        return new FormField(path, label(property, s, path), help(property, s), kind, enums, s.getMinimum(), s.getMaximum());
    }

    @SuppressWarnings("rawtypes")
    private static Schema resolve(Schema s, Map<String, Schema> schemas) {
        if (s != null && s.get$ref() != null) {
            return schemas.get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        return s;
    }

    @SuppressWarnings("rawtypes")
    private static boolean isArray(Schema s) {
        return "array".equals(s.getType()) || (s.getTypes() != null && s.getTypes().contains("array")) || s.getItems() != null;
    }

    @SuppressWarnings("rawtypes")
    private static List<String> enumValues(Schema s) {
        return s.getEnum() == null ? List.of() : s.getEnum().stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("rawtypes")
    private static String help(Schema property, Schema s) {
        String d = property.getDescription() != null ? property.getDescription() : s.getDescription();
        return d == null ? "" : d.replace("`", "");
    }

    /** The description's first clause makes a label that carries the unit ("Serum albumin in g/dL"). */
    @SuppressWarnings("rawtypes")
    private static String label(Schema property, Schema s, String path) {
        String d = help(property, s);
        if (d.isEmpty()) {
            return humanise(path);
        }
        int end = d.length();
        for (String stop : new String[] {". ", ": ", " (0-", "; ", " (e.g", " (GET "}) {
            int i = d.indexOf(stop);
            if (i > 0) {
                end = Math.min(end, i);
            }
        }
        String label = d.substring(0, end);
        return label.endsWith(".") ? label.substring(0, label.length() - 1) : label;
    }

    static String humanise(String path) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        String words = leaf.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
