package org.hccguidance.cdshooks;

import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.Alteration;
import org.hccguidance.facts.AlterationType;
import org.hccguidance.facts.Ascites;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.ChildPughClass;
import org.hccguidance.facts.Encephalopathy;
import org.hccguidance.facts.FieldProblem;
import org.hccguidance.facts.Hepatitis;
import org.hccguidance.facts.Labs;
import org.hccguidance.facts.Liver;
import org.hccguidance.facts.MolecularProfile;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientValidation;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.Progression;
import org.hccguidance.facts.ProgressionPattern;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.facts.Risks;
import org.hccguidance.facts.Serology;
import org.hccguidance.facts.TherapyOutcome;
import org.hccguidance.facts.Tumour;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Maps one patient's FHIR R4 record to the {@link PatientCase} the guidance takes. Every code, unit,
 * window and threshold comes from the terminology tables; this class knows only FHIR's structure and the
 * patient model's. Absent means unknown, never false: a risk is false only when the record says so (a
 * refuted Condition, a lab below its threshold, an upper endoscopy without varices), and every unknown
 * that matters is listed with what would settle it.
 */
public final class PatientMapper {

    /** Our extensions, for what FHIR cannot express (documented in docs/cds-hooks.md). */
    public static final String EXT = "http://hccguidance.org/fhir/StructureDefinition/";
    public static final String EXT_PATTERN = EXT + "progression-pattern";
    public static final String EXT_LESIONS = EXT + "progressing-lesions";
    public static final String EXT_OTHER_CONTROLLED = EXT + "other-disease-controlled";
    public static final String EXT_CTCAE_GRADE = EXT + "ctcae-grade";
    public static final String EXT_IMMUNE_RELATED = EXT + "immune-related";

    private static final Pattern GENE = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Pattern TERM = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Set<String> VALID_OBSERVATION = Set.of("final", "amended", "corrected", "preliminary");

    private final Terminology terms;
    private final UnitConverter units;
    private final List<RegimenComponent> catalogue;
    private final Instant now;

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final List<MappedPatient.Note> blockers = new ArrayList<>();
    private final List<MappedPatient.Reading> readings = new ArrayList<>();

    public PatientMapper(Terminology terms, UnitConverter units, List<RegimenComponent> catalogue, Instant now) {
        this.terms = terms;
        this.units = units;
        this.catalogue = catalogue;
        this.now = now;
    }

    public MappedPatient map(FhirRecord record) {
        boolean hcc = conditions(record);
        procedures(record);
        Map<String, List<Observation>> byField = observationsByField(record);
        for (var e : byField.entrySet()) {
            switch (e.getKey()) {
                case "genomic.variant", "diseaseStatus" -> {
                }
                default -> latestValue(e.getKey(), e.getValue());
            }
        }
        flags();
        MolecularProfile molecular = molecular(byField.getOrDefault("genomic.variant", List.of()));
        List<Observation> statuses = byField.getOrDefault("diseaseStatus", List.of());
        Progression progression = progression(statuses);
        List<PriorTherapy> prior = priorTherapies(record, statuses);
        List<AdverseEvent> events = adverseEvents(record);

        Integer age = null;
        if (record.patient() != null && record.patient().hasBirthDate()) {
            LocalDate born = record.patient().getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            age = (int) ChronoUnit.YEARS.between(born, now.atZone(ZoneOffset.UTC).toLocalDate());
        }
        Integer ecog = (Integer) values.get("ecog");
        if (ecog == null) {
            blockers.add(new MappedPatient.Note("ecog", because("ecog"), null));
        }
        Liver liver = new Liver((ChildPughClass) values.get("liver.childPughClass"), (Integer) values.get("liver.childPughScore"),
                (Double) values.get("liver.bilirubinMgDl"), (Double) values.get("liver.albuminGDl"), (Double) values.get("liver.inr"),
                (Ascites) values.get("liver.ascites"), (Encephalopathy) values.get("liver.encephalopathy"));
        Tumour tumour = anyOf("tumour.afpNgMl", "tumour.macrovascularInvasion", "tumour.extrahepaticSpread")
                ? new Tumour((Double) values.get("tumour.afpNgMl"), bool("tumour.macrovascularInvasion"), bool("tumour.extrahepaticSpread"))
                : null;
        Risks risks = anyOf(RISKS) ? new Risks(bool("risks.recentVaricealBleeding"), bool("risks.untreatedHighRiskVarices"),
                bool("risks.majorBleedingEvent"), bool("risks.uncontrolledHypertension"), bool("risks.recentArterialThromboembolism"),
                bool("risks.nephroticProteinuria"), bool("risks.activeAutoimmuneDisease"), bool("risks.organTransplant"),
                bool("risks.endoscopyWithinSixMonths"), bool("risks.pregnant"), bool("risks.breastfeeding")) : null;
        Labs labs = anyOf("labs.plateletsE9L", "labs.egfrMlMin", "labs.urineProteinGPer24h")
                ? new Labs((Double) values.get("labs.plateletsE9L"), (Double) values.get("labs.egfrMlMin"),
                        (Double) values.get("labs.urineProteinGPer24h")) : null;
        Hepatitis hepatitis = values.get("hepatitis.hbsAg") instanceof Serology hbs
                ? new Hepatitis(hbs, null, null, null, null) : null;

        PatientCase patient = null;
        if (blockers.isEmpty()) {
            patient = new PatientCase(null, age, ecog, (BclcStage) values.get("bclcStage"), liver, tumour, prior, progression,
                    events, risks, molecular, hepatitis, labs, null);
            for (FieldProblem p : PatientValidation.violations(patient)) {
                blockers.add(new MappedPatient.Note(p.field(), "the value read from the record is not acceptable: " + p.message(), null));
            }
            if (!blockers.isEmpty()) {
                patient = null;
            }
        }
        return new MappedPatient(hcc, patient, List.copyOf(blockers), missing(), List.copyOf(readings));
    }

    static final String[] RISKS = {"risks.recentVaricealBleeding", "risks.untreatedHighRiskVarices", "risks.majorBleedingEvent",
            "risks.uncontrolledHypertension", "risks.recentArterialThromboembolism", "risks.nephroticProteinuria",
            "risks.activeAutoimmuneDisease", "risks.organTransplant", "risks.endoscopyWithinSixMonths", "risks.pregnant",
            "risks.breastfeeding"};

    // ---------------------------------------------------------------- conditions and procedures

    private boolean conditions(FhirRecord record) {
        boolean hcc = false;
        Map<String, List<Boolean>> flags = new HashMap<>();
        Map<String, List<Enum<?>>> grades = new HashMap<>();
        for (Condition c : record.conditions()) {
            String verification = code(c.getVerificationStatus());
            if ("entered-in-error".equals(verification)) {
                continue;
            }
            boolean refuted = "refuted".equals(verification);
            String clinical = code(c.getClinicalStatus());
            boolean active = clinical == null || Set.of("active", "recurrence", "relapse").contains(clinical);
            Set<String> seenTargets = new HashSet<>();
            for (Terminology.Code row : rows("condition", c.getCode())) {
                String target = row.target();
                if (!seenTargets.add(target)) {
                    continue;
                }
                String value = row.value();
                if (target.equals("hcc")) {
                    hcc |= active && !refuted;
                    continue;
                }
                if (target.equals("cirrhosis")) {
                    if (active && !refuted) {
                        readings.add(new MappedPatient.Reading("cirrhosis", display(c.getCode()), date(onset(c))));
                    }
                    continue;
                }
                if (value.equals("graded")) {
                    grades.computeIfAbsent(target, k -> new ArrayList<>()).add(grade(target, c, refuted, active));
                    continue;
                }
                Boolean flag;
                if (refuted) {
                    flag = false;
                } else if (value.equals("ever")) {
                    flag = true;
                } else if (value.equals("present")) {
                    flag = active;
                } else if (value.startsWith("recent:")) {
                    int days = terms.days(value.substring("recent:".length()));
                    Instant onset = onset(c);
                    if (onset != null && !onset.isBefore(now.minus(days, ChronoUnit.DAYS))) {
                        flag = true;
                    } else {
                        flag = null;
                        reasons.putIfAbsent(target, "the last recorded " + display(c.getCode()) + " ("
                                + (onset == null ? "undated" : date(onset)) + ") is not within the last " + days + " days");
                    }
                } else {
                    flag = null;
                }
                if (flag != null) {
                    flags.computeIfAbsent(target, k -> new ArrayList<>()).add(flag);
                    readings.add(new MappedPatient.Reading(target, (flag ? "yes: " : "no: ") + display(c.getCode())
                            + (refuted ? " (refuted)" : active ? "" : " (" + clinical + ")"), date(onset(c))));
                }
            }
        }
        flags.forEach((target, list) -> values.put(target, list.contains(true)));
        grades.forEach((target, list) -> {
            Enum<?> worst = list.stream().filter(g -> g != null).max(Comparator.comparingInt(Enum::ordinal)).orElse(null);
            if (worst != null) {
                values.put(target, worst);
            }
        });
        return hcc;
    }

    private Enum<?> grade(String target, Condition c, boolean refuted, boolean active) {
        Enum<?> none = target.equals("liver.ascites") ? Ascites.NONE : Encephalopathy.NONE;
        if (refuted || !active) {
            readings.add(new MappedPatient.Reading(target, "none (" + (refuted ? "refuted" : "not active") + ")", date(onset(c))));
            return none;
        }
        for (Terminology.Code row : rows("severity", c.getSeverity())) {
            if (row.target().equals(target)) {
                Enum<?> grade = target.equals("liver.ascites") ? Ascites.valueOf(row.value()) : Encephalopathy.valueOf(row.value());
                readings.add(new MappedPatient.Reading(target, grade.name() + " (" + display(c.getCode()) + ")", date(onset(c))));
                return grade;
            }
        }
        reasons.putIfAbsent(target, display(c.getCode()) + " is recorded without a severity the tables grade");
        return null;
    }

    private void procedures(FhirRecord record) {
        for (Procedure p : record.procedures()) {
            if (p.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
                continue;
            }
            Instant performed = p.hasPerformedDateTimeType() ? instant(p.getPerformedDateTimeType())
                    : p.hasPerformedPeriod() ? periodEnd(p.getPerformedPeriod()) : null;
            if (performed == null) {
                continue;
            }
            boolean shown = false;
            for (Terminology.Code row : allRows("procedure", p.getCode())) {
                // absence-within:W: done within W days without the finding rules it out; within:W: it was done.
                boolean absence = row.value().startsWith("absence-within:");
                if (!absence && !row.value().startsWith("within:")) {
                    continue;
                }
                int days = terms.days(row.value().substring(row.value().indexOf(':') + 1));
                if (!shown) {
                    readings.add(new MappedPatient.Reading("procedure", display(p.getCode()), date(performed)));
                    shown = true;
                }
                if (!performed.isBefore(now.minus(days, ChronoUnit.DAYS)) && !values.containsKey(row.target())) {
                    values.put(row.target(), !absence);
                    reasons.remove(row.target());
                }
            }
        }
    }

    // ---------------------------------------------------------------- observations

    private Map<String, List<Observation>> observationsByField(FhirRecord record) {
        Map<String, List<Observation>> out = new TreeMap<>();
        for (Observation o : record.observations()) {
            if (o.getStatus() == null || !VALID_OBSERVATION.contains(o.getStatus().toCode())) {
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            rows("observation", o.getCode()).forEach(r -> fields.add(r.target()));
            // mCODE cancer stage: the staging system is the method (a BCLC stage is a stage observation whose method is BCLC).
            rows("observation", o.getMethod()).forEach(r -> fields.add(r.target()));
            for (String f : fields) {
                out.computeIfAbsent(f, k -> new ArrayList<>()).add(o);
            }
        }
        return out;
    }

    /** The latest usable value within the field's look-back window wins. */
    private void latestValue(String field, List<Observation> observations) {
        Integer lookback = terms.lookbackDays(field);
        Instant oldest = lookback == null ? Instant.MIN : now.minus(lookback, ChronoUnit.DAYS);
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparing((Observation o) -> Optional.ofNullable(effective(o)).orElse(Instant.MIN)).reversed());
        Instant newestSeen = null;
        for (Observation o : sorted) {
            Instant when = effective(o);
            if (when == null) {
                reasons.putIfAbsent(field, "a result has no date and cannot be placed in the look-back window");
                continue;
            }
            if (when.isAfter(now.plus(1, ChronoUnit.DAYS))) {
                continue;
            }
            if (newestSeen == null) {
                newestSeen = when;
            }
            if (when.isBefore(oldest)) {
                if (!values.containsKey(field)) {
                    reasons.put(field, "the latest value is from " + date(newestSeen) + ", older than the " + lookback + "-day look-back");
                }
                return;
            }
            Object value = value(field, o);
            if (value != null) {
                values.put(field, value);
                reasons.remove(field);
                readings.add(new MappedPatient.Reading(field, shown(field, value), date(when)));
                return;
            }
        }
    }

    private Object value(String field, Observation o) {
        Terminology.Field spec = terms.field(field).orElse(null);
        Type v = o.getValue();
        if (v instanceof CodeableConcept cc) {
            for (Terminology.Code row : rows("answer", cc)) {
                if (row.target().equals(field)) {
                    return typed(field, row.value());
                }
            }
            reasons.putIfAbsent(field, "a coded result (" + display(cc) + ") is not in the answer table");
            return null;
        }
        if (v instanceof StringType s) {
            return typed(field, s.getValue());
        }
        if (v instanceof IntegerType i) {
            return number(field, spec, i.getValue(), null);
        }
        if (v instanceof Quantity q && q.hasValue()) {
            String unit = q.hasCode() && (!q.hasSystem() || "http://unitsofmeasure.org".equals(q.getSystem())) ? q.getCode() : q.getUnit();
            return number(field, spec, q.getValue().doubleValue(), unit);
        }
        return null;
    }

    private Object number(String field, Terminology.Field spec, double raw, String unit) {
        double v = raw;
        if (spec != null && spec.unit() != null) {
            UnitConverter.Result r = units.convert(raw, unit, spec.unit(), spec.molarMassGPerMol());
            if (r.refusal() != null) {
                reasons.put(field, "a result was refused: " + r.refusal());
                return null;
            }
            v = r.value();
        }
        return switch (field) {
            case "ecog", "liver.childPughScore" -> {
                if (v != Math.rint(v)) {
                    reasons.put(field, "a result is not a whole number");
                    yield null;
                }
                yield (int) v;
            }
            default -> Math.round(v * 1000.0) / 1000.0;
        };
    }

    /** A coded or text value for a field of the patient model; null (with the reason) when it does not fit. */
    private Object typed(String field, String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return switch (field) {
                case "ecog", "liver.childPughScore" -> Integer.valueOf(t);
                case "bclcStage" -> BclcStage.fromJson(t.toUpperCase(Locale.ROOT));
                case "liver.childPughClass" -> ChildPughClass.valueOf(t.toUpperCase(Locale.ROOT));
                case "hepatitis.hbsAg" -> Serology.valueOf(t.toUpperCase(Locale.ROOT));
                default -> t;
            };
        } catch (IllegalArgumentException e) {
            reasons.put(field, "a result '" + t + "' is not a valid value for " + field);
            return null;
        }
    }

    /** Boolean risks that a numeric result sets (fields.tsv flag / flagAtOrAbove). */
    private void flags() {
        for (Terminology.Field f : terms.fields().values()) {
            if (f.flag() == null || f.flagAtOrAbove() == null || !(values.get(f.name()) instanceof Double v)) {
                continue;
            }
            if (!Boolean.TRUE.equals(values.get(f.flag()))) {
                values.put(f.flag(), v >= f.flagAtOrAbove());
                reasons.remove(f.flag());
            }
        }
    }

    // ---------------------------------------------------------------- genomics and progression

    private MolecularProfile molecular(List<Observation> variants) {
        if (variants.isEmpty()) {
            return null;
        }
        Set<Alteration> alterations = new LinkedHashSet<>();
        for (Observation o : variants) {
            if (o.getValue() instanceof CodeableConcept cc && rows("answer", cc).stream()
                    .anyMatch(r -> r.target().equals("genomic.variant") && r.value().equals("ABSENT"))) {
                continue;
            }
            String gene = null;
            AlterationType type = null;
            for (Observation.ObservationComponentComponent comp : o.getComponent()) {
                for (Terminology.Code part : rows("component", comp.getCode())) {
                    switch (part.target()) {
                        case "gene" -> gene = gene == null ? gene(comp.getValue()) : gene;
                        case "variant-type", "aa-change" -> type = type == null ? alterationType(part.target(), comp.getValue()) : type;
                        default -> {
                        }
                    }
                }
            }
            if (type == null && o.getValue() instanceof CodeableConcept cc) {
                type = alterationType("variant-type", cc);
            }
            if (gene != null && type != null) {
                alterations.add(new Alteration(gene, type));
                readings.add(new MappedPatient.Reading("molecularProfile", gene + " " + type, date(effective(o))));
            } else {
                reasons.putIfAbsent("molecularProfile", "a genomic variant without a gene or an alteration type the tables know was not used");
            }
        }
        return new MolecularProfile(true, List.copyOf(alterations));
    }

    private String gene(Type value) {
        if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                Optional<Terminology.Code> row = terms.find("gene", c.getSystem(), c.getCode());
                if (row.isPresent()) {
                    return row.get().value();
                }
                if (c.hasDisplay() && GENE.matcher(c.getDisplay()).matches()) {
                    return c.getDisplay();
                }
            }
        } else if (value instanceof StringType s && s.getValue() != null && GENE.matcher(s.getValue()).matches()) {
            return s.getValue();
        }
        return null;
    }

    private AlterationType alterationType(String kind, Type value) {
        List<Coding> codings = value instanceof CodeableConcept cc ? cc.getCoding() : List.of();
        for (Coding c : codings) {
            Optional<Terminology.Code> row = terms.find(kind, c.getSystem(), c.getCode());
            if (row.isPresent()) {
                return AlterationType.valueOf(row.get().value());
            }
        }
        if (value instanceof StringType s && s.getValue() != null) {
            for (Terminology.Code row : terms.ofKind(kind)) {
                if (row.code().equals(s.getValue().trim())) {
                    return AlterationType.valueOf(row.value());
                }
            }
        }
        return null;
    }

    /** Progression detail FHIR has no element for: our extensions on the latest disease-status observation. */
    private Progression progression(List<Observation> statuses) {
        Observation latest = statuses.stream().filter(o -> effective(o) != null)
                .max(Comparator.comparing(PatientMapper::effective)).orElse(null);
        if (latest == null) {
            return null;
        }
        List<ProgressionPattern> patterns = new ArrayList<>();
        Integer lesions = null;
        Boolean otherControlled = null;
        for (Extension e : latest.getExtension()) {
            try {
                switch (e.getUrl()) {
                    case EXT_PATTERN -> patterns.add(ProgressionPattern.valueOf(e.getValue().primitiveValue()));
                    case EXT_LESIONS -> lesions = Integer.valueOf(e.getValue().primitiveValue());
                    case EXT_OTHER_CONTROLLED -> otherControlled = Boolean.valueOf(e.getValue().primitiveValue());
                    default -> {
                    }
                }
            } catch (RuntimeException ex) {
                reasons.putIfAbsent("progression", "an extension on the disease-status observation has a value of the wrong kind");
            }
        }
        if (patterns.isEmpty() && lesions == null && otherControlled == null) {
            return null;
        }
        readings.add(new MappedPatient.Reading("progression", "patterns " + patterns + ", progressing lesions "
                + (lesions == null ? "unknown" : lesions) + ", rest controlled " + (otherControlled == null ? "unknown" : otherControlled),
                date(effective(latest))));
        return new Progression(List.copyOf(new LinkedHashSet<>(patterns)), lesions, otherControlled);
    }

    // ---------------------------------------------------------------- medications

    /** One agent's use: first and last date, whether it is still given, and why it stopped where coded. */
    private static final class Course {
        final String agent;
        Instant start;
        Instant end;
        boolean ongoing;
        boolean completed;
        final Set<TherapyOutcome> outcomes = EnumSet.noneOf(TherapyOutcome.class);

        Course(String agent) {
            this.agent = agent;
        }

        void seen(Instant from, Instant to) {
            if (from != null && (start == null || from.isBefore(start))) {
                start = from;
            }
            Instant last = to != null ? to : from;
            if (last != null && (end == null || last.isAfter(end))) {
                end = last;
            }
        }
    }

    private List<PriorTherapy> priorTherapies(FhirRecord record, List<Observation> statuses) {
        Map<String, Course> courses = new TreeMap<>();
        for (MedicationRequest m : record.medicationRequests()) {
            String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
            String intent = m.hasIntent() ? m.getIntent().toCode() : "order";
            if (Set.of("draft", "entered-in-error", "cancelled").contains(status) || Set.of("proposal", "plan", "option").contains(intent)) {
                continue;
            }
            Instant from = m.hasAuthoredOn() ? m.getAuthoredOn().toInstant() : null;
            Instant to = null;
            for (var d : m.getDosageInstruction()) {
                if (d.hasTiming() && d.getTiming().hasRepeat() && d.getTiming().getRepeat().hasBoundsPeriod()) {
                    Period p = d.getTiming().getRepeat().getBoundsPeriod();
                    from = earliest(from, p.hasStart() ? p.getStart().toInstant() : null);
                    to = p.hasEnd() ? p.getEnd().toInstant() : to;
                }
            }
            record(courses, agents(m.getMedication(), m.getContained(), record), from, to, status,
                    m.hasStatusReason() ? List.of(m.getStatusReason()) : List.of());
        }
        for (MedicationStatement m : record.medicationStatements()) {
            String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
            if (Set.of("entered-in-error", "not-taken", "intended").contains(status)) {
                continue;
            }
            Instant from = m.hasEffectiveDateTimeType() ? instant(m.getEffectiveDateTimeType())
                    : m.hasEffectivePeriod() && m.getEffectivePeriod().hasStart() ? m.getEffectivePeriod().getStart().toInstant() : null;
            Instant to = m.hasEffectivePeriod() ? periodEnd(m.getEffectivePeriod()) : null;
            record(courses, agents(m.getMedication(), m.getContained(), record), from, to, status, m.getStatusReason());
        }
        for (MedicationAdministration m : record.medicationAdministrations()) {
            String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
            if (!Set.of("completed", "in-progress", "stopped").contains(status)) {
                continue;
            }
            Instant from = m.hasEffectiveDateTimeType() ? instant(m.getEffectiveDateTimeType())
                    : m.hasEffectivePeriod() && m.getEffectivePeriod().hasStart() ? m.getEffectivePeriod().getStart().toInstant() : null;
            Instant to = m.hasEffectivePeriod() ? periodEnd(m.getEffectivePeriod()) : null;
            // An administration is one dose: it says the drug was given then, not that the course is over.
            record(courses, agents(m.getMedication(), m.getContained(), record), from, to,
                    status.equals("stopped") ? "stopped" : "given", m.getStatusReason());
        }
        List<Course> sorted = courses.values().stream().filter(c -> c.start != null)
                .sorted(Comparator.comparing((Course c) -> c.start).thenComparing(c -> c.agent)).toList();
        courses.values().stream().filter(c -> c.start == null).forEach(c ->
                reasons.putIfAbsent("priorSystemicTherapies", "a record of " + c.agent + " has no date and was not placed in a line"));
        int window = terms.days("combination-window-days");
        List<List<Course>> lines = new ArrayList<>();
        for (Course c : sorted) {
            List<Course> current = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (current != null && !c.start.isAfter(current.get(0).start.plus(window, ChronoUnit.DAYS))) {
                current.add(c);
            } else {
                lines.add(new ArrayList<>(List.of(c)));
            }
        }
        List<PriorTherapy> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Course> line = lines.get(i);
            Set<String> agents = new TreeSet<>();
            line.forEach(c -> agents.add(c.agent));
            String regimen = regimenOf(agents);
            Instant start = line.get(0).start;
            Instant end = line.stream().map(c -> c.end).filter(e -> e != null).max(Comparator.naturalOrder()).orElse(start);
            boolean ongoing = line.stream().anyMatch(c -> c.ongoing);
            TherapyOutcome outcome = outcomeOf(line, start, ongoing ? now : end, statuses);
            String label = "line " + (i + 1) + " (" + String.join(" + ", agents) + ", from " + date(start) + ")";
            if (regimen == null) {
                blockers.add(new MappedPatient.Note("priorSystemicTherapies[" + i + "].regimen", label
                        + " matches no single regimen of the catalogue; record the other agents of the regimen", null));
                continue;
            }
            if (outcome == null) {
                blockers.add(new MappedPatient.Note("priorSystemicTherapies[" + i + "].outcome", ongoing
                        ? label + " is still given and no progression or intolerance is recorded: the guidance applies when it ends"
                        : label + " ended without a coded reason: record statusReason (progression or toxicity) or a disease-status observation",
                        null));
                continue;
            }
            out.add(new PriorTherapy(regimen, i + 1, null, outcome));
            readings.add(new MappedPatient.Reading("priorSystemicTherapies", "line " + (i + 1) + ": " + regimen + ", " + outcome, date(start)));
        }
        return out;
    }

    private void record(Map<String, Course> courses, Set<String> agents, Instant from, Instant to, String status,
                        List<CodeableConcept> statusReasons) {
        for (String agent : agents) {
            Course c = courses.computeIfAbsent(agent, Course::new);
            c.seen(from, to);
            if (Set.of("active", "on-hold", "in-progress").contains(status)) {
                c.ongoing = true;
            }
            if (status.equals("completed")) {
                c.completed = true;
            }
            for (CodeableConcept reason : statusReasons) {
                for (Terminology.Code row : rows("stop-reason", reason)) {
                    c.outcomes.add(TherapyOutcome.valueOf(row.value()));
                }
            }
        }
    }

    private TherapyOutcome outcomeOf(List<Course> line, Instant start, Instant end, List<Observation> statuses) {
        Set<TherapyOutcome> coded = EnumSet.noneOf(TherapyOutcome.class);
        line.forEach(c -> coded.addAll(c.outcomes));
        if (coded.contains(TherapyOutcome.PROGRESSION)) {
            return TherapyOutcome.PROGRESSION;
        }
        Instant until = end.plus(terms.days("progression-after-stop-days"), ChronoUnit.DAYS);
        for (Observation o : statuses) {
            Instant when = effective(o);
            if (when != null && !when.isBefore(start) && !when.isAfter(until) && o.getValue() instanceof CodeableConcept cc
                    && rows("disease-status", cc).stream().anyMatch(r -> r.value().equals("PROGRESSION"))) {
                return TherapyOutcome.PROGRESSION;
            }
        }
        if (coded.contains(TherapyOutcome.INTOLERANCE)) {
            return TherapyOutcome.INTOLERANCE;
        }
        if (coded.contains(TherapyOutcome.COMPLETED)) {
            return TherapyOutcome.COMPLETED;
        }
        boolean allCompleted = line.stream().allMatch(c -> c.completed && !c.ongoing);
        return allCompleted ? TherapyOutcome.COMPLETED : null;
    }

    /** The catalogue regimen with exactly these agents, else the only one that contains them all. */
    String regimenOf(Set<String> agents) {
        Map<String, Set<String>> regimens = new TreeMap<>();
        for (RegimenComponent rc : catalogue) {
            regimens.computeIfAbsent(rc.regimen(), k -> new TreeSet<>()).add(rc.agent());
        }
        for (var e : regimens.entrySet()) {
            if (e.getValue().equals(agents)) {
                return e.getKey();
            }
        }
        List<String> containing = regimens.entrySet().stream().filter(e -> e.getValue().containsAll(agents)).map(Map.Entry::getKey).toList();
        return containing.size() == 1 ? containing.get(0) : null;
    }

    /** The catalogue agents a medication element names, through codings, a contained or a referenced Medication. */
    Set<String> agents(Type medication, List<Resource> contained, FhirRecord record) {
        return agentsOf(medication, contained, record, terms, catalogueAgents(catalogue));
    }

    static Set<String> catalogueAgents(List<RegimenComponent> catalogue) {
        Set<String> out = new HashSet<>();
        catalogue.forEach(rc -> out.add(rc.agent()));
        return out;
    }

    public static Set<String> agentsOf(Type medication, List<Resource> contained, FhirRecord record, Terminology terms,
                                       Set<String> known) {
        List<CodeableConcept> codes = new ArrayList<>();
        if (medication instanceof CodeableConcept cc) {
            codes.add(cc);
        } else if (medication instanceof Reference ref && ref.hasReference()) {
            Medication med = null;
            String r = ref.getReference();
            if (r.startsWith("#")) {
                for (Resource c : contained) {
                    if (c instanceof Medication m && ("#" + m.getIdElement().getIdPart()).equals(r)) {
                        med = m;
                    }
                }
            } else if (record != null) {
                med = record.medications().get(r.substring(Math.max(0, r.indexOf("Medication/"))));
            }
            if (med != null) {
                codes.add(med.getCode());
                med.getIngredient().forEach(i -> {
                    if (i.getItem() instanceof CodeableConcept icc) {
                        codes.add(icc);
                    }
                });
            }
        }
        Set<String> out = new TreeSet<>();
        for (CodeableConcept cc : codes) {
            for (Coding c : cc.getCoding()) {
                terms.find("agent", c.getSystem(), c.getCode()).map(Terminology.Code::target).filter(known::contains).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- adverse events

    private List<AdverseEvent> adverseEvents(FhirRecord record) {
        List<AdverseEvent> out = new ArrayList<>();
        Set<String> checkpoints = new HashSet<>();
        catalogue.stream().filter(RegimenComponent::isCheckpoint).forEach(rc -> checkpoints.add(rc.agent()));
        for (org.hl7.fhir.r4.model.AdverseEvent e : record.adverseEvents()) {
            if (e.hasActuality() && e.getActuality() != org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality.ACTUAL) {
                continue;
            }
            String term = rows("ae-term", e.getEvent()).stream().map(Terminology.Code::value).findFirst().orElse(null);
            if (term == null || !TERM.matcher(term).matches()) {
                continue;
            }
            Integer grade = null;
            Extension g = e.getExtensionByUrl(EXT_CTCAE_GRADE);
            if (g != null && g.getValue() instanceof IntegerType i) {
                grade = i.getValue();
            }
            if (grade == null) {
                grade = rows("ae-severity", e.getSeverity()).stream().map(r -> Integer.valueOf(r.value())).findFirst().orElse(null);
            }
            if (grade == null) {
                reasons.putIfAbsent("adverseEvents", "an adverse event (" + term + ") has no CTCAE grade or severity and was not used");
                continue;
            }
            Boolean resolved = rows("ae-outcome", e.getOutcome()).stream().map(r -> Boolean.valueOf(r.value())).findFirst().orElse(null);
            Boolean immune = null;
            Extension ir = e.getExtensionByUrl(EXT_IMMUNE_RELATED);
            if (ir != null && ir.getValue() != null) {
                immune = Boolean.valueOf(ir.getValue().primitiveValue());
            } else {
                for (var s : e.getSuspectEntity()) {
                    Resource suspect = s.getInstance().getResource() instanceof Resource res ? res : find(record, s.getInstance());
                    Set<String> agents = suspect == null ? Set.of() : agentsOfResource(suspect, record);
                    if (agents.stream().anyMatch(checkpoints::contains)) {
                        immune = true;
                    }
                }
            }
            out.add(new AdverseEvent(term, grade, immune, resolved));
            readings.add(new MappedPatient.Reading("adverseEvents", term + " grade " + grade
                    + (Boolean.TRUE.equals(immune) ? ", immune-related" : "") + (Boolean.TRUE.equals(resolved) ? ", resolved" : ""),
                    date(e.hasDate() ? e.getDate().toInstant() : null)));
        }
        return out;
    }

    private Set<String> agentsOfResource(Resource r, FhirRecord record) {
        if (r instanceof MedicationRequest m) {
            return agents(m.getMedication(), m.getContained(), record);
        }
        if (r instanceof MedicationStatement m) {
            return agents(m.getMedication(), m.getContained(), record);
        }
        if (r instanceof MedicationAdministration m) {
            return agents(m.getMedication(), m.getContained(), record);
        }
        if (r instanceof Medication m) {
            return agents(new CodeableConcept().setCoding(m.getCode().getCoding()), List.of(), record);
        }
        return Set.of();
    }

    private static Resource find(FhirRecord record, Reference ref) {
        if (!ref.hasReference()) {
            return null;
        }
        String r = ref.getReference();
        List<Resource> all = new ArrayList<>();
        all.addAll(record.medicationRequests());
        all.addAll(record.medicationStatements());
        all.addAll(record.medicationAdministrations());
        all.addAll(record.medications().values());
        for (Resource res : all) {
            if (r.endsWith(res.fhirType() + "/" + res.getIdElement().getIdPart())) {
                return res;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- what is missing

    private List<MappedPatient.Note> missing() {
        List<MappedPatient.Note> out = new ArrayList<>();
        boolean childPughGiven = values.containsKey("liver.childPughScore") || values.containsKey("liver.childPughClass");
        for (Terminology.Field f : terms.fields().values()) {
            if (values.containsKey(f.name()) || f.name().equals("ecog")) {
                continue;
            }
            if (f.name().startsWith("liver.") && childPughGiven) {
                continue;
            }
            if (f.name().startsWith("tumour.") && !f.name().equals("tumour.afpNgMl") && values.containsKey("bclcStage")) {
                continue;
            }
            String why = reasons.get(f.name());
            if (f.ifUnknown() == null && why == null) {
                continue;
            }
            String text = why == null ? f.ifUnknown() : f.ifUnknown() == null ? why : why + "; " + f.ifUnknown();
            out.add(new MappedPatient.Note(f.name(), text, f.relevantTo()));
        }
        for (String field : List.of("molecularProfile", "progression", "adverseEvents", "priorSystemicTherapies")) {
            if (reasons.containsKey(field)) {
                out.add(new MappedPatient.Note(field, reasons.get(field), null));
            }
        }
        return out;
    }

    private String because(String field) {
        String why = reasons.get(field);
        String hint = terms.field(field).map(Terminology.Field::ifUnknown).orElse(null);
        return why == null ? (hint == null ? "not in the record" : hint) : hint == null ? why : why + "; " + hint;
    }

    // ---------------------------------------------------------------- FHIR helpers

    private List<Terminology.Code> rows(String kind, CodeableConcept cc) {
        List<Terminology.Code> out = new ArrayList<>();
        if (cc == null) {
            return out;
        }
        for (Coding c : cc.getCoding()) {
            terms.find(kind, c.getSystem(), c.getCode()).ifPresent(out::add);
        }
        return out;
    }

    /** Every row of a kind for the codings (procedures may settle several fields). */
    private List<Terminology.Code> allRows(String kind, CodeableConcept cc) {
        List<Terminology.Code> out = new ArrayList<>();
        if (cc == null) {
            return out;
        }
        for (Coding c : cc.getCoding()) {
            for (Terminology.Code row : terms.ofKind(kind)) {
                if (row.system().equals(c.getSystem()) && c.getCode() != null && (row.code().equals(c.getCode())
                        || row.wildcard() && c.getCode().startsWith(row.code().substring(0, row.code().length() - 1)))) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    private boolean anyOf(String... fields) {
        for (String f : fields) {
            if (values.containsKey(f)) {
                return true;
            }
        }
        return false;
    }

    private Boolean bool(String field) {
        return (Boolean) values.get(field);
    }

    private static String code(CodeableConcept cc) {
        return cc == null || cc.getCoding().isEmpty() ? null : cc.getCodingFirstRep().getCode();
    }

    static String display(CodeableConcept cc) {
        if (cc == null) {
            return "(no code)";
        }
        if (cc.hasText()) {
            return cc.getText();
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay()) {
                return c.getDisplay();
            }
        }
        return cc.getCoding().isEmpty() ? "(no code)" : cc.getCodingFirstRep().getCode();
    }

    private static Instant onset(Condition c) {
        if (c.hasOnsetDateTimeType()) {
            return instant(c.getOnsetDateTimeType());
        }
        if (c.hasOnsetPeriod() && c.getOnsetPeriod().hasStart()) {
            return c.getOnsetPeriod().getStart().toInstant();
        }
        return c.hasRecordedDate() ? c.getRecordedDate().toInstant() : null;
    }

    static Instant effective(Observation o) {
        if (o.hasEffectiveDateTimeType()) {
            return instant(o.getEffectiveDateTimeType());
        }
        if (o.hasEffectivePeriod()) {
            return periodEnd(o.getEffectivePeriod());
        }
        if (o.hasEffectiveInstantType()) {
            return o.getEffectiveInstantType().getValue().toInstant();
        }
        return o.hasIssued() ? o.getIssued().toInstant() : null;
    }

    private static Instant instant(BaseDateTimeType t) {
        Date d = t.getValue();
        return d == null ? null : d.toInstant();
    }

    private static Instant periodEnd(Period p) {
        return p.hasEnd() ? p.getEnd().toInstant() : p.hasStart() ? p.getStart().toInstant() : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static String date(Instant i) {
        return i == null ? null : i.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** A value as the clinician reads it, in the unit the guidance took it in (UCUM code, annotations dropped). */
    private String shown(String field, Object value) {
        String text = value instanceof BclcStage b ? b.json() : String.valueOf(value);
        String unit = terms.field(field).map(Terminology.Field::unit).orElse(null);
        if (unit == null || unit.equals("1") || unit.startsWith("{")) {
            return text;
        }
        return text + " " + unit;
    }
}
