package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.feedback.FeedbackStore;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers CDS Hooks calls: gathers the patient's record from prefetch (or the allow-listed FHIR server),
 * maps it to a patient, evaluates the guidance through {@link GuidanceService} exactly as the REST API
 * does, builds the cards and records them for feedback. The logs name the service, hook and counts only.
 */
@Service
public class CdsHooksService {

    public static final String GUIDANCE = "hcc-guidance";
    public static final String ORDER_CHECK = "hcc-order-check";

    private static final Logger log = LoggerFactory.getLogger(CdsHooksService.class);
    /** FHIR's id type: a prefetch token must not be able to change the query it is put into. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /** Keys without which no safe answer is possible; the others are reported as missing data when absent. */
    static final Set<String> REQUIRED_KEYS = Set.of("patient", "conditions", "observations", "medicationRequests");

    private final GuidanceService guidance;
    private final RuleSetRegistry registry;
    private final TerminologySource terminology;
    private final UnitConverter units;
    private final FhirParsing parsing;
    private final FhirServerClient fhirServer;
    private final FeedbackStore store;
    private final CdsHooksProperties props;
    private final Clock clock;

    public CdsHooksService(GuidanceService guidance, RuleSetRegistry registry, TerminologySource terminology, UnitConverter units,
                           FhirParsing parsing, FhirServerClient fhirServer, FeedbackStore store, CdsHooksProperties props, Clock clock) {
        this.guidance = guidance;
        this.registry = registry;
        this.terminology = terminology;
        this.units = units;
        this.parsing = parsing;
        this.fhirServer = fhirServer;
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- discovery

    /** The prefetch templates: minimum necessary, with the observation and procedure codes the tables map. */
    public Map<String, String> prefetchTemplates() {
        Terminology t = terminology.current();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("patient", "Patient/{{context.patientId}}");
        p.put("conditions", "Condition?patient={{context.patientId}}");
        p.put("observations", "Observation?patient={{context.patientId}}&code=" + codes(t, "observation"));
        p.put("medicationRequests", "MedicationRequest?patient={{context.patientId}}");
        p.put("medicationStatements", "MedicationStatement?patient={{context.patientId}}");
        p.put("medicationAdministrations", "MedicationAdministration?patient={{context.patientId}}");
        p.put("adverseEvents", "AdverseEvent?subject={{context.patientId}}");
        p.put("procedures", "Procedure?patient={{context.patientId}}&code=" + codes(t, "procedure"));
        return p;
    }

    private static String codes(Terminology t, String kind) {
        return t.ofKind(kind).stream().filter(c -> !c.wildcard()).map(c -> c.system() + "|" + c.code())
                .distinct().collect(Collectors.joining(","));
    }

    public CdsJson.Services discovery() {
        Map<String, String> prefetch = prefetchTemplates();
        String usage = "Requires a signed JWT from a trusted CDS client. Send every prefetch key, or fhirServer and "
                + "fhirAuthorization for an allow-listed FHIR server; otherwise the call answers 412.";
        return new CdsJson.Services(List.of(
                new CdsJson.Service("patient-view", "HCC treatment guidance",
                        "Treatment options for advanced hepatocellular carcinoma, above all after first-line immunotherapy: "
                                + "one card per recommended option with rationale, strength, evidence and cautions; alerts, ruled-out "
                                + "options and missing data; matching trials. Silent for patients without an active HCC diagnosis.",
                        GUIDANCE, prefetch, usage),
                new CdsJson.Service("order-sign", "HCC order safety check",
                        "Checks draft medication orders against the HCC guidance: a critical card when a safety check bars the agent "
                                + "(anti-VEGF or immunotherapy contraindicated), a warning when the guidance rules the regimen out; "
                                + "no card when the order fits.", ORDER_CHECK, prefetch, usage),
                new CdsJson.Service("order-select", "HCC order safety check",
                        "The same check as on order-sign, on the orders just selected.", ORDER_CHECK, prefetch, usage)));
    }

    static Set<String> hooksOf(String serviceId) {
        return switch (serviceId) {
            case GUIDANCE -> Set.of("patient-view");
            case ORDER_CHECK -> Set.of("order-sign", "order-select");
            default -> Set.of();
        };
    }

    // ---------------------------------------------------------------- calls

    /**
     * @param clientIssuer the authenticated CDS client ({@code iss}), stored with the cards
     * @param baseUrl      this service's base URL as the client sees it, for absolute links
     */
    public CdsJson.Response call(String serviceId, CdsJson.Request request, String clientIssuer, String baseUrl) {
        long start = System.nanoTime();
        if (!hooksOf(serviceId).contains(request.hook())) {
            throw new CdsRequestException("hook", "service '" + serviceId + "' answers " + hooksOf(serviceId) + ", not '" + request.hook() + "'");
        }
        String patientId = contextText(request, "patientId");
        contextText(request, "userId");
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw new CdsRequestException("context.patientId", "must be a FHIR id (letters, digits, '-' and '.', at most 64)");
        }
        List<OrderCheck.DraftOrder> drafts = List.of();
        if (serviceId.equals(ORDER_CHECK)) {
            drafts = draftOrders(request);
        }
        RuleSet ruleSet = registry.active()
                .orElseThrow(() -> new NoRuleSetException("no valid rule set is loaded; see GET /api/v1/ruleset", false));
        List<RegimenComponent> catalogue = ruleSet.reference().regimens();
        Terminology terms = terminology.current();
        List<MappedPatient.Note> absentKeys = new ArrayList<>();
        FhirRecord record = FhirRecord.of(gather(request, patientId, absentKeys));
        MappedPatient mapped = new PatientMapper(terms, units, catalogue, clock.instant()).map(record);
        if (!absentKeys.isEmpty()) {
            List<MappedPatient.Note> missing = new ArrayList<>(mapped.missing());
            missing.addAll(absentKeys);
            mapped = new MappedPatient(mapped.hcc(), mapped.patient(), mapped.blockers(), List.copyOf(missing), mapped.readings());
        }
        List<CardFactory.Issued> cards = new ArrayList<>();
        String version = ruleSet.version();
        if (!mapped.hcc()) {
            log.info("{} {}: no active HCC diagnosis in the record, no cards", serviceId, request.hook());
        } else if (serviceId.equals(GUIDANCE)) {
            CardFactory.Context ctx = context(version, request, baseUrl, terms, "guidance");
            if (!mapped.evaluable()) {
                cards.add(CardFactory.dataNeeded(mapped, ctx));
            } else {
                GuidanceResponse g = guidance.evaluate(mapped.patient());
                version = g.audit().rulesetVersion();
                ctx = context(version, request, baseUrl, terms, "guidance");
                cards.addAll(CardFactory.patientView(g, mapped, catalogue, ctx));
            }
        } else if (drafts.stream().anyMatch(d -> !d.agents().isEmpty())) {
            CardFactory.Context ctx = context(version, request, baseUrl, terms, "order-check");
            if (!mapped.evaluable()) {
                CardFactory.Issued needed = CardFactory.dataNeeded(mapped, ctx);
                cards.add(new CardFactory.Issued(needed.card(), "DATA_NEEDED", null));
            } else {
                GuidanceResponse g = guidance.evaluate(mapped.patient());
                version = g.audit().rulesetVersion();
                ctx = context(version, request, baseUrl, terms, "order-check");
                cards.addAll(OrderCheck.check(drafts, g, catalogue, ctx));
            }
        }
        if (!cards.isEmpty()) {
            String v = version;
            store.saveCards(cards.stream().map(c -> new FeedbackStore.IssuedCard(c.card().uuid(), serviceId, request.hook(),
                    request.hookInstance(), c.kind(), c.code(), c.card().indicator(), v, clientIssuer, clock.instant())).toList());
        }
        log.info("{} {}: {} card(s) in {} ms", serviceId, request.hook(), cards.size(), (System.nanoTime() - start) / 1_000_000);
        return new CdsJson.Response(cards.stream().map(CardFactory.Issued::card).toList());
    }

    private CardFactory.Context context(String version, CdsJson.Request request, String baseUrl, Terminology terms, String applies) {
        String source = blank(props.sourceUrl()) ? baseUrl + "/api/v1/ruleset" : props.sourceUrl();
        String page = blank(props.guidancePageUrl()) ? null : props.guidancePageUrl()
                .replace("{hookInstance}", URLEncoder.encode(request.hookInstance(), StandardCharsets.UTF_8))
                .replace("{rulesetVersion}", URLEncoder.encode(version, StandardCharsets.UTF_8));
        List<CdsJson.Coding> reasons = terms.overrideReasons(applies).stream()
                .map(r -> new CdsJson.Coding(r.system(), r.code(), r.display())).toList();
        return new CardFactory.Context(version, source, page, reasons);
    }

    private static String contextText(CdsJson.Request request, String name) {
        JsonNode v = request.context().get(name);
        if (v == null || v.isNull()) {
            throw new CdsRequestException("context." + name, "is required for the " + request.hook() + " hook");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new CdsRequestException("context." + name, "must be a non-empty string");
        }
        return v.asText();
    }

    /** The draft MedicationRequests to check: all of draftOrders on order-sign, the selected ones on order-select. */
    private List<OrderCheck.DraftOrder> draftOrders(CdsJson.Request request) {
        JsonNode bundle = request.context().get("draftOrders");
        if (bundle == null || bundle.isNull()) {
            throw new CdsRequestException("context.draftOrders", "is required for the " + request.hook() + " hook");
        }
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new CdsRequestException("context.draftOrders", "must be a FHIR Bundle");
        }
        Set<String> selections = null;
        if (request.hook().equals("order-select")) {
            JsonNode sel = request.context().get("selections");
            if (sel == null || !sel.isArray() || sel.isEmpty()) {
                throw new CdsRequestException("context.selections", "is required for order-select: a non-empty array of order references");
            }
            selections = new LinkedHashSet<>();
            for (JsonNode s : sel) {
                if (!s.isTextual()) {
                    throw new CdsRequestException("context.selections", "must hold strings such as 'MedicationRequest/123'");
                }
                selections.add(s.asText());
            }
        }
        List<OrderCheck.DraftOrder> out = new ArrayList<>();
        Terminology terms = terminology.current();
        Set<String> known = registry.active().map(rs -> PatientMapper.catalogueAgents(rs.reference().regimens())).orElse(Set.of());
        List<Resource> resources = parsing.resources(bundle, "context.draftOrders");
        FhirRecord drafts = FhirRecord.of(resources);
        for (Resource r : resources) {
            if (!(r instanceof MedicationRequest m)) {
                continue;
            }
            String ref = "MedicationRequest/" + (m.getIdElement().hasIdPart() ? m.getIdElement().getIdPart() : "(no id)");
            if (selections != null && !selections.contains(ref)) {
                continue;
            }
            out.add(new OrderCheck.DraftOrder(m, ref, PatientMapper.agentsOf(m.getMedication(), m.getContained(), drafts, terms, known)));
        }
        return out;
    }

    /** Every resource the record needs, from prefetch, else from the FHIR server; absent optional keys are noted. */
    private List<Resource> gather(CdsJson.Request request, String patientId, List<MappedPatient.Note> absentKeys) {
        List<Resource> all = new ArrayList<>();
        for (Map.Entry<String, String> template : prefetchTemplates().entrySet()) {
            String key = template.getKey();
            List<Resource> got = null;
            if (request.prefetch().containsKey(key)) {
                JsonNode value = request.prefetch().get(key);
                got = parsing.resources(value, "prefetch." + key);
                boolean failed = got.stream().anyMatch(r -> r instanceof OperationOutcome);
                boolean paged = value != null && value.path("link").isArray() && hasNext(value);
                if (failed || paged) {
                    got = fetchOrFail(request, patientId, key, template.getValue(), failed
                            ? "prefetch key '" + key + "' carries an OperationOutcome (the client could not prefetch it)"
                            : "prefetch key '" + key + "' is paginated");
                } else {
                    checkPatient(got, patientId, "prefetch." + key, true);
                }
            } else if (request.fhirServer() != null && request.fhirAuthorization() != null) {
                got = fetchOrFail(request, patientId, key, template.getValue(), null);
            } else if (REQUIRED_KEYS.contains(key)) {
                throw new CdsPreconditionException("prefetch key '" + key + "' was not sent and no fhirServer with fhirAuthorization was given");
            } else {
                absentKeys.add(new MappedPatient.Note("prefetch." + key, "not sent by the EHR, so these records were not checked", null));
                continue;
            }
            all.addAll(got);
        }
        return all;
    }

    private static boolean hasNext(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                return true;
            }
        }
        return false;
    }

    private List<Resource> fetchOrFail(CdsJson.Request request, String patientId, String key, String template, String why) {
        if (request.fhirServer() == null || request.fhirAuthorization() == null) {
            throw new CdsPreconditionException((why == null ? "prefetch key '" + key + "' was not sent" : why)
                    + " and no fhirServer with fhirAuthorization was given");
        }
        String query = template.replace("{{context.patientId}}", patientId);
        List<Resource> got = fhirServer.query(request.fhirServer(), query, request.fhirAuthorization().accessToken(), key);
        checkPatient(got, patientId, "FHIR server answer for '" + key + "'", false);
        return got;
    }

    /** Every resource must be about the patient in context: data of another patient is refused, never mixed in. */
    static void checkPatient(List<Resource> resources, String patientId, String where, boolean fromClient) {
        for (Resource r : resources) {
            String other = null;
            if (r instanceof Patient p && p.getIdElement().hasIdPart() && !p.getIdElement().getIdPart().equals(patientId)) {
                other = p.getIdElement().getIdPart();
            }
            Reference subject = r instanceof Condition c ? c.getSubject() : r instanceof Observation o ? o.getSubject()
                    : r instanceof MedicationRequest m ? m.getSubject() : r instanceof MedicationStatement m ? m.getSubject()
                    : r instanceof MedicationAdministration m ? m.getSubject() : r instanceof AdverseEvent a ? a.getSubject()
                    : r instanceof Procedure p ? p.getSubject() : null;
            if (subject != null && subject.hasReference() && subject.getReferenceElement().hasIdPart()
                    && "Patient".equals(subject.getReferenceElement().getResourceType())
                    && !subject.getReferenceElement().getIdPart().equals(patientId)) {
                other = subject.getReferenceElement().getIdPart();
            }
            if (other != null) {
                String problem = "holds a " + r.fhirType() + " of another patient than context.patientId";
                if (fromClient) {
                    throw new CdsRequestException(where, problem);
                }
                throw new CdsPreconditionException(where + " " + problem);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
