package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hccguidance.facts.PatientJson;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of a scenario file, generated from the records {@link ScenarioLoader}
 * reads, so that editors validate and complete what the committee types with the same rules the loader
 * applies: the same keys (Jackson's names, {@code @JsonIgnore} left out), no unknown key anywhere, enum
 * values as Jackson writes them, the bean-validation limits of the patient, and the required keys. The
 * descriptions are the {@code @Schema} texts the OpenAPI document shows.
 *
 * <p>Where the loader checks something in code rather than by annotation, it is stated here once
 * ({@link #LOADER_REQUIRED}, {@link #ID_PATTERN}) and a test proves that both refuse the same files.
 * Write it with {@code ScenarioSchemaTests} ({@code -Dscenario-schema.update=true}); it is committed as
 * {@code scenarios/scenario.schema.json}.
 */
public final class ScenarioSchema {

    /** Keys {@link ScenarioLoader#parse} requires of every file (it checks them in code). */
    static final Set<String> LOADER_REQUIRED = Set.of("id", "title", "source", "patient", "expect");
    /** The loader's id rule, {@code ScenarioLoader.ID}, anchored as JSON Schema patterns are not. */
    static final String ID_PATTERN = "^[a-z0-9][a-z0-9/_.-]{0,127}$";
    /** The file name editors look for next to the scenario folders. */
    public static final String FILE = "scenario.schema.json";

    /**
     * The comment every scenario file starts with, so that editors running the YAML language server
     * validate and complete it: the schema's path relative to a file at {@code relativePath} under the
     * scenario folder.
     */
    public static String schemaLine(String relativePath) {
        int depth = (int) relativePath.chars().filter(c -> c == '/').count();
        return "# yaml-language-server: $schema=" + "../".repeat(depth) + FILE + "\n";
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = PatientJson.mapper();

    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();

    private ScenarioSchema() {
    }

    /** The schema, with keys in a fixed order so that the committed file diffs cleanly. */
    public static ObjectNode generate() {
        ScenarioSchema g = new ScenarioSchema();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "HCC Guidance committee scenario");
        root.put("description", "One committee scenario: a patient exactly as POST /api/v1/guidance takes it, and what "
                + "the guidance must and must not say about them (docs/scenarios.md). Generated from the loader's model "
                + "by ScenarioSchemaTests; do not edit by hand.");
        ObjectNode body = g.object(Scenario.class, LOADER_REQUIRED);
        body.remove("description");
        root.setAll(body);
        ObjectNode id = (ObjectNode) root.get("properties").get("id");
        id.put("pattern", ID_PATTERN);
        // Blank is missing to the loader.
        for (String key : List.of("id", "title", "source")) {
            ((ObjectNode) root.get("properties").get(key)).put("minLength", 1);
        }
        ObjectNode sortedDefs = root.putObject("$defs");
        new java.util.TreeMap<>(g.defs).forEach(sortedDefs::set);
        return root;
    }

    private ObjectNode object(Class<?> type) {
        return object(type, Set.of());
    }

    /** A record as an object schema: its Jackson properties, nothing else allowed. */
    private ObjectNode object(Class<?> type, Set<String> alsoRequired) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        describe(schema, type.getAnnotation(Schema.class));
        ObjectNode properties = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Field field = field(type, c.getName());
            if (field.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            String name = jsonName(type, c);
            boolean isRequired = field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || requiredByCreator(type, c.getName()) || alsoRequired.contains(c.getName());
            ObjectNode p = property(c.getGenericType(), field, !isRequired);
            properties.set(name, p);
            if (isRequired) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            ArrayNode r = schema.putArray("required");
            required.forEach(r::add);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode property(Type type, Field field, boolean nullable) {
        ObjectNode p = NODES.objectNode();
        describe(p, field.getAnnotation(Schema.class));
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            p.set("type", types("array", nullable));
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            Class<?> itemType = raw(item);
            if (itemType.isRecord() || itemType.isEnum()) {
                p.set("items", reference(itemType));
            } else if (itemType == String.class) {
                // Codes and ids: the rule set's catalogue checks them when the scenario runs.
                p.putObject("items").put("type", "string").put("minLength", 1);
            } else {
                throw new IllegalStateException("no schema mapping for list items of " + type + "; add one here");
            }
            Size size = field.getAnnotation(Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE) {
                p.put("maxItems", size.max());
            }
            return p;
        }
        if (raw.isRecord() || raw.isEnum()) {
            ObjectNode ref = reference(raw);
            if (!nullable) {
                p.setAll(ref);
                return p;
            }
            ArrayNode any = p.putArray("anyOf");
            any.add(ref);
            any.addObject().put("type", "null");
            return p;
        }
        if (raw == String.class) {
            p.set("type", types("string", nullable));
            if (field.isAnnotationPresent(NotBlank.class)) {
                p.put("minLength", 1);
            }
            Size size = field.getAnnotation(Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE) {
                p.put("maxLength", size.max());
            }
            Pattern pattern = field.getAnnotation(Pattern.class);
            if (pattern != null) {
                // Bean validation matches the whole value; a JSON Schema pattern matches anywhere.
                p.put("pattern", "^(?:" + pattern.regexp() + ")$");
            }
            return p;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            p.set("type", types("boolean", nullable && raw == Boolean.class));
            return p;
        }
        boolean integer = raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class;
        if (integer || raw == Double.class || raw == double.class) {
            p.set("type", types(integer ? "integer" : "number", nullable && !raw.isPrimitive()));
            Min min = field.getAnnotation(Min.class);
            Max max = field.getAnnotation(Max.class);
            DecimalMin dmin = field.getAnnotation(DecimalMin.class);
            DecimalMax dmax = field.getAnnotation(DecimalMax.class);
            if (min != null) {
                p.put("minimum", min.value());
            } else if (dmin != null) {
                p.put("minimum", new BigDecimal(dmin.value()));
            } else if (field.isAnnotationPresent(PositiveOrZero.class)) {
                p.put("minimum", 0);
            }
            if (max != null) {
                p.put("maximum", max.value());
            } else if (dmax != null) {
                p.put("maximum", new BigDecimal(dmax.value()));
            }
            return p;
        }
        throw new IllegalStateException("no schema mapping for " + type + " (field " + field + "); add one here");
    }

    /** A named definition, made once; a record with a one-string creator also takes that string alone. */
    private ObjectNode reference(Class<?> type) {
        String name = type.getSimpleName();
        if (!defs.containsKey(name)) {
            defs.put(name, NODES.objectNode());
            ObjectNode def;
            if (type.isEnum()) {
                def = NODES.objectNode();
                def.put("type", "string");
                describe(def, type.getAnnotation(Schema.class));
                ArrayNode values = def.putArray("enum");
                for (Object constant : type.getEnumConstants()) {
                    values.add(JSON.valueToTree(constant));
                }
            } else if (hasStringShorthand(type)) {
                def = NODES.objectNode();
                ObjectNode full = object(type);
                if (full.has("description")) {
                    def.set("description", full.remove("description"));
                }
                ArrayNode one = def.putArray("oneOf");
                ObjectNode bare = one.addObject();
                bare.put("type", "string");
                bare.put("description", "The " + firstRequired(full) + " alone.");
                one.add(full);
            } else {
                def = object(type);
            }
            defs.put(name, def);
        }
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", "#/$defs/" + name);
        return ref;
    }

    private static String firstRequired(ObjectNode object) {
        JsonNode required = object.path("required");
        return required.isEmpty() ? "value" : required.get(0).asText();
    }

    private static boolean hasStringShorthand(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            JsonCreator creator = m.getAnnotation(JsonCreator.class);
            if (creator != null && creator.mode() == JsonCreator.Mode.DELEGATING && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                return true;
            }
        }
        return false;
    }

    private static boolean requiredByCreator(Class<?> type, String component) {
        for (var ctor : type.getDeclaredConstructors()) {
            if (ctor.isAnnotationPresent(JsonCreator.class)) {
                for (var param : ctor.getParameters()) {
                    JsonProperty jp = param.getAnnotation(JsonProperty.class);
                    if (jp != null && jp.required() && (jp.value().equals(component) || param.getName().equals(component))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String jsonName(Class<?> type, RecordComponent c) {
        JsonProperty jp = field(type, c.getName()).getAnnotation(JsonProperty.class);
        return jp != null && !jp.value().isEmpty() ? jp.value() : c.getName();
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type + " has no field " + name, e);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    private static JsonNode types(String type, boolean nullable) {
        if (!nullable) {
            return NODES.textNode(type);
        }
        ArrayNode both = NODES.arrayNode();
        both.add(type);
        both.add("null");
        return both;
    }

    private static void describe(ObjectNode schema, Schema annotation) {
        if (annotation != null && !annotation.description().isBlank()) {
            schema.put("description", annotation.description());
        }
    }
}
