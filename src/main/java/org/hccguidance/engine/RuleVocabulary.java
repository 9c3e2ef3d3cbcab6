package org.hccguidance.engine;

import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.AgentClass;
import org.hccguidance.facts.EvaluationDate;
import org.hccguidance.facts.GuidelinePathway;
import org.hccguidance.facts.AgentRestriction;
import org.hccguidance.facts.HcvRna;
import org.hccguidance.facts.Hepatitis;
import org.hccguidance.facts.Histology;
import org.hccguidance.facts.IraeRechallenge;
import org.hccguidance.facts.Labs;
import org.hccguidance.facts.RechallengeDecision;
import org.hccguidance.facts.RestrictionKind;
import org.hccguidance.facts.Serology;
import org.hccguidance.facts.SystemicTherapyBar;
import org.hccguidance.facts.ClassBar;
import org.hccguidance.facts.OptionAgent;
import org.hccguidance.facts.RepeatAllowed;
import org.hccguidance.facts.TrialAgent;
import org.hccguidance.facts.Albi;
import org.hccguidance.facts.Alteration;
import org.hccguidance.facts.AlterationType;
import org.hccguidance.facts.AntiVegfContraindication;
import org.hccguidance.facts.Ascites;
import org.hccguidance.facts.Bclc;
import org.hccguidance.facts.BclcEstimate;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.BestResponse;
import org.hccguidance.facts.ChildPugh;
import org.hccguidance.facts.ChildPughClass;
import org.hccguidance.facts.ChildPughEstimate;
import org.hccguidance.facts.DrugClass;
import org.hccguidance.facts.Encephalopathy;
import org.hccguidance.facts.Fitness;
import org.hccguidance.facts.FitnessLevel;
import org.hccguidance.facts.Format;
import org.hccguidance.facts.ImmunotherapyCaution;
import org.hccguidance.facts.ImmunotherapyContraindication;
import org.hccguidance.facts.Liver;
import org.hccguidance.facts.MolecularProfile;
import org.hccguidance.facts.Oligoprogression;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorRequirementMet;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.Progression;
import org.hccguidance.facts.ProgressionPattern;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.facts.Risks;
import org.hccguidance.facts.Setting;
import org.hccguidance.facts.TherapyOutcome;
import org.hccguidance.facts.Threshold;
import org.hccguidance.facts.TreatmentSetting;
import org.hccguidance.facts.TrialCandidate;
import org.hccguidance.facts.TrialListing;
import org.hccguidance.facts.Tumour;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.Category;
import org.hccguidance.guidance.Caution;
import org.hccguidance.guidance.EvidenceRow;
import org.hccguidance.guidance.Exclusion;
import org.hccguidance.guidance.MissingData;
import org.hccguidance.guidance.Option;
import org.hccguidance.guidance.Severity;
import org.hccguidance.guidance.Strength;
import org.hccguidance.guidance.StrengthLimit;
import org.hccguidance.guidance.EvidenceQuality;
import org.hccguidance.guidance.Grade;
import org.hccguidance.guidance.RankFirst;
import org.hccguidance.guidance.RecommendationStrength;
import org.hccguidance.guidance.TrialExclusion;
import org.hccguidance.guidance.TrialMatch;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a rule file may name: the clinical vocabulary (the patient facts, derived facts and the
 * guidance the rules conclude) and a short list of JDK value types and methods. The rule policy checks
 * rule text against this list, so anything not named here cannot be reached from a rule. Adding a type
 * to the vocabulary makes its public methods callable from rules: vocabulary types must be immutable
 * values with no access to files, network, threads or the engine.
 */
public final class RuleVocabulary {

    /** Fact and guidance types rules may match, construct and read. */
    static final List<Class<?>> VOCABULARY = List.of(
            AdverseEvent.class, Albi.class, Alteration.class, AlterationType.class, AntiVegfContraindication.class, DrugClass.class,
            Ascites.class, Bclc.class, BclcEstimate.class, BclcStage.class, BestResponse.class, ChildPugh.class,
            ChildPughClass.class, ChildPughEstimate.class, Encephalopathy.class, Fitness.class, FitnessLevel.class,
            Format.class, ImmunotherapyCaution.class, ImmunotherapyContraindication.class, Liver.class,
            MolecularProfile.class, Oligoprogression.class, PatientCase.class, PriorRequirementMet.class,
            PriorTherapy.class, Progression.class, ProgressionPattern.class, RegimenComponent.class, Risks.class,
            Setting.class, TherapyOutcome.class, Threshold.class, TreatmentSetting.class, TrialListing.class, TrialCandidate.class,
            Tumour.class, GuidelinePathway.class, EvaluationDate.class, AgentClass.class, TrialAgent.class, ClassBar.class,
            OptionAgent.class, RepeatAllowed.class,
            Hepatitis.class, Serology.class, HcvRna.class, Labs.class, Histology.class, SystemicTherapyBar.class,
            AgentRestriction.class, RestrictionKind.class, IraeRechallenge.class, RechallengeDecision.class,
            Alert.class, Category.class, Caution.class, EvidenceRow.class, Exclusion.class, MissingData.class,
            Option.class, Severity.class, Strength.class, StrengthLimit.class, TrialMatch.class, TrialExclusion.class,
            Grade.class, EvidenceQuality.class, RecommendationStrength.class, RankFirst.class);

    /** The option fact, whose rank argument the policy checks. */
    static final String OPTION = Option.class.getSimpleName();

    /** JDK value types rules may name (for casts, static helpers and field types), by simple name. */
    static final Map<String, Class<?>> JDK_TYPES = Map.of(
            "String", String.class, "Integer", Integer.class, "Double", Double.class, "Long", Long.class,
            "Boolean", Boolean.class, "Math", Math.class, "List", List.class, "LocalDate", LocalDate.class,
            "Period", Period.class);

    /** Methods of JDK values that compute a value and nothing else; none allocates more than its input. */
    static final Set<String> JDK_MEMBERS = Set.of(
            // String
            "length", "isEmpty", "isBlank", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "toUpperCase",
            "toLowerCase", "trim", "compareTo", "valueOf", "substring", "indexOf",
            // numbers and Math
            "intValue", "doubleValue", "longValue", "max", "min", "abs", "log10", "round", "floor", "ceil",
            // enums, List
            "ordinal", "name", "toString", "size", "get", "contains", "of",
            // java.time
            "isBefore", "isAfter", "plusDays", "plusMonths", "minusDays", "minusMonths", "getYear", "getMonthValue",
            "getDayOfMonth", "between", "getYears", "getMonths", "getDays", "year", "monthValue", "dayOfMonth",
            "years", "months", "days");

    /** Functions DRL itself offers in patterns: built-in accumulate functions and the engine's insert calls. */
    static final Set<String> DRL_CALLS = Set.of(
            "eval", "not", "exists", "forall", "accumulate", "acc", "collect", "and", "or", "in",
            "count", "sum", "min", "max", "average", "collectList", "collectSet", "insert", "insertLogical");

    /** Allowed import targets: a vocabulary class, its package with a wildcard, or a listed JDK type. */
    static final Set<String> IMPORTABLE_PACKAGES = Set.of("org.hccguidance.facts", "org.hccguidance.guidance");

    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final Set<String> MEMBERS = new HashSet<>(JDK_MEMBERS);

    static {
        for (Class<?> type : VOCABULARY) {
            TYPES.put(type.getSimpleName(), type);
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    MEMBERS.add(((Enum<?>) constant).name());
                }
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    MEMBERS.add(c.getName());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                MEMBERS.add(m.getName());
                String property = propertyName(m.getName());
                if (property != null) {
                    MEMBERS.add(property);
                }
            }
        }
        TYPES.putAll(JDK_TYPES);
        // Reflection's doors stay shut even if a vocabulary type ever declared such a name.
        MEMBERS.removeAll(Set.of("getClass", "class", "getDeclaringClass", "declaringClass", "getClassLoader",
                "classLoader", "forName", "loadClass", "invoke", "newInstance", "getMethod", "getDeclaredMethod",
                "getField", "getDeclaredField", "setAccessible", "getRuntime", "runtime", "exec", "repeat", "format"));
    }

    private RuleVocabulary() {
    }

    static boolean isType(String simpleName) {
        return TYPES.containsKey(simpleName);
    }

    /** Types rules may construct with {@code new}: vocabulary only. */
    static boolean isConstructible(String simpleName) {
        Class<?> type = TYPES.get(simpleName);
        return type != null && VOCABULARY.contains(type) && !type.isEnum() && !Modifier.isAbstract(type.getModifiers());
    }

    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    static boolean importAllowed(String target) {
        String t = target.trim();
        if (t.endsWith(".*")) {
            return IMPORTABLE_PACKAGES.contains(t.substring(0, t.length() - 2));
        }
        int dot = t.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String pkg = t.substring(0, dot);
        String simple = t.substring(dot + 1);
        Class<?> type = TYPES.get(simple);
        return type != null && type.getName().equals(t) && (IMPORTABLE_PACKAGES.contains(pkg) || JDK_TYPES.containsKey(simple));
    }

    static String describeImports() {
        return "rules may import only org.hccguidance.facts.*, org.hccguidance.guidance.* (vocabulary types) and "
                + String.join(", ", JDK_TYPES.values().stream().map(Class::getName).sorted().toList());
    }

    private static String propertyName(String method) {
        String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : null;
        if (rest == null || rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }
}
