package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a FHIR R4 Bundle of one patient's record (the examples in {@code examples/fhir/}) into a CDS Hooks
 * request with every prefetch key of the services filled: the way an EHR would send it. Example bundles
 * are dated relative to their {@code Bundle.timestamp}; by default every date is moved forward so that
 * the timestamp becomes today, so the examples stay inside the look-back windows whenever they are run.
 *
 * <pre>
 * java -cp target/hcc-guidance-*.jar -Dloader.main=org.hccguidance.cdshooks.CdsRequestBuilder \
 *      org.springframework.boot.loader.launch.PropertiesLauncher examples/fhir/first-line.json \
 *      [--hook patient-view|order-sign|order-select] [--order SYSTEM|CODE|DISPLAY]... [--keep-dates]
 * </pre>
 * ({@code examples/fhir/to-cds-request.sh} wraps this.)
 */
public final class CdsRequestBuilder {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T.*)?$");
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("Condition", "conditions");
        KEYS.put("Observation", "observations");
        KEYS.put("MedicationRequest", "medicationRequests");
        KEYS.put("MedicationStatement", "medicationStatements");
        KEYS.put("MedicationAdministration", "medicationAdministrations");
        KEYS.put("AdverseEvent", "adverseEvents");
        KEYS.put("Procedure", "procedures");
    }

    private final ObjectNode bundle;
    private String hook = "patient-view";
    private final ArrayNode orders = JSON.createArrayNode();

    private CdsRequestBuilder(ObjectNode bundle) {
        this.bundle = bundle;
    }

    public static CdsRequestBuilder of(JsonNode bundle) {
        if (!bundle.isObject() || !"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new IllegalArgumentException("not a FHIR Bundle");
        }
        return new CdsRequestBuilder(((ObjectNode) bundle).deepCopy());
    }

    public static CdsRequestBuilder of(Path file) throws IOException {
        return of(JSON.readTree(Files.readAllBytes(file)));
    }

    /** Moves every date so that the bundle's timestamp falls on the clock's day. */
    public CdsRequestBuilder shiftDatesTo(Clock clock) {
        String ts = bundle.path("timestamp").asText(null);
        if (ts == null) {
            return this;
        }
        LocalDate anchor = OffsetDateTime.parse(ts).toLocalDate();
        long days = ChronoUnit.DAYS.between(anchor, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        shift(bundle, days);
        return this;
    }

    private static void shift(JsonNode node, long days) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    Matcher m = DATE.matcher(e.getValue().asText());
                    if (m.matches()) {
                        String moved = LocalDate.parse(m.group(1)).plusDays(days) + (m.group(2) == null ? "" : m.group(2));
                        ((ObjectNode) node).set(e.getKey(), TextNode.valueOf(moved));
                    }
                } else {
                    shift(e.getValue(), days);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> shift(child, days));
        }
    }

    public CdsRequestBuilder hook(String hook) {
        this.hook = hook;
        return this;
    }

    /** Adds a draft MedicationRequest for one agent (order-sign / order-select). */
    public CdsRequestBuilder draftOrder(String id, String system, String code, String display) {
        ObjectNode mr = JSON.createObjectNode();
        mr.put("resourceType", "MedicationRequest").put("id", id).put("status", "draft").put("intent", "order");
        ObjectNode coding = JSON.createObjectNode().put("system", system).put("code", code).put("display", display);
        mr.set("medicationCodeableConcept", JSON.createObjectNode().set("coding", JSON.createArrayNode().add(coding)));
        mr.set("subject", JSON.createObjectNode().put("reference", "Patient/" + patientId()));
        orders.add(mr);
        return this;
    }

    public String patientId() {
        for (JsonNode e : bundle.path("entry")) {
            if ("Patient".equals(e.path("resource").path("resourceType").asText())) {
                return e.path("resource").path("id").asText();
            }
        }
        throw new IllegalArgumentException("the bundle has no Patient");
    }

    /** The request; {@code prefetch} holds every key, null where the record has nothing of that type. */
    public ObjectNode build() {
        ObjectNode req = JSON.createObjectNode();
        req.put("hookInstance", UUID.randomUUID().toString());
        req.put("hook", hook);
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example").put("patientId", patientId());
        if (!hook.equals("patient-view")) {
            ObjectNode draft = context.putObject("draftOrders");
            draft.put("resourceType", "Bundle").put("type", "collection");
            ArrayNode entries = draft.putArray("entry");
            ArrayNode selections = JSON.createArrayNode();
            orders.forEach(o -> {
                entries.addObject().set("resource", o);
                selections.add("MedicationRequest/" + o.path("id").asText());
            });
            if (hook.equals("order-select")) {
                context.set("selections", selections);
            }
        }
        ObjectNode prefetch = req.putObject("prefetch");
        prefetch.putNull("patient");
        KEYS.values().forEach(prefetch::putNull);
        Map<String, ArrayNode> byKey = new LinkedHashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Patient")) {
                prefetch.set("patient", r);
            } else if (KEYS.containsKey(type)) {
                byKey.computeIfAbsent(KEYS.get(type), k -> JSON.createArrayNode()).addObject().set("resource", r);
            }
        }
        byKey.forEach((key, entries) -> {
            ObjectNode searchset = JSON.createObjectNode();
            searchset.put("resourceType", "Bundle").put("type", "searchset").put("total", entries.size());
            searchset.set("entry", entries);
            prefetch.set(key, searchset);
        });
        return req;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: CdsRequestBuilder BUNDLE.json [--hook patient-view|order-sign|order-select] "
                    + "[--order SYSTEM|CODE|DISPLAY]... [--keep-dates]");
            System.exit(2);
        }
        CdsRequestBuilder b = of(Path.of(args[0]));
        boolean keep = false;
        int n = 0;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-dates" -> keep = true;
                case "--hook" -> b.hook(args[++i]);
                case "--order" -> {
                    String[] p = args[++i].split("\\|", 3);
                    b.draftOrder("draft-" + (++n), p[0], p[1], p.length > 2 ? p[2] : p[1]);
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!keep) {
            b.shiftDatesTo(Clock.systemUTC());
        }
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(b.build()));
    }
}
