package org.hccguidance.safety;

import org.hccguidance.engine.Evaluation;
import org.hccguidance.engine.ReferenceData;
import org.hccguidance.facts.AgentRestriction;
import org.hccguidance.facts.ChildPughClass;
import org.hccguidance.facts.ClassBar;
import org.hccguidance.facts.DrugClass;
import org.hccguidance.facts.OptionAgent;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.RepeatAllowed;
import org.hccguidance.facts.SystemicTherapyBar;
import org.hccguidance.facts.TherapyOutcome;
import org.hccguidance.guidance.Category;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hccguidance.guidance.TrialMatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a response against the safety invariants, generically: what a recommendation or trial gives
 * comes from the regimen catalogue and the trial table (agents, and through them drug classes); what is
 * barred (a drug class, one agent, or every systemic drug), what the patient progressed on and which
 * repeats a rule allowed come from the evaluation's facts; the supportive-care performance status comes
 * from the thresholds table. No drug name or clinical cut-off is written here.
 */
public final class SafetyInvariants {

    /** Threshold-table name of the lowest ECOG at which only supportive care is given (I4). */
    public static final String SUPPORTIVE_CARE_MIN_ECOG = "SUPPORTIVE_CARE_MIN_ECOG";
    /** Categories whose recommendations need no evidence row: they treat nothing. */
    private static final Set<Category> NEED_NO_EVIDENCE = EnumSet.of(Category.PROCESS, Category.DIAGNOSTIC, Category.SUPPORTIVE);
    /** Categories that give a drug: what a state barring all systemic therapy (pregnancy) rules out. */
    private static final Set<Category> GIVES_A_DRUG = EnumSet.of(Category.SYSTEMIC, Category.MOLECULAR_TARGETED);

    private SafetyInvariants() {
    }

    public static List<Violation> check(GuidanceResponse response, Evaluation eval) {
        ReferenceData ref = eval.ruleSet().reference();
        List<Violation> out = new ArrayList<>();
        Map<DrugClass, String> barred = new LinkedHashMap<>();
        eval.factsOf(ClassBar.class).forEach(b -> barred.putIfAbsent(b.drugClass(), b.reason()));
        Map<String, String> progressed = progressedAgents(eval, ref);
        Set<String> allowedRepeats = new LinkedHashSet<>();
        eval.factsOf(RepeatAllowed.class).forEach(r -> allowedRepeats.add(r.code() + "|" + ref.canonical(r.agent())));
        String supportiveOnly = supportiveOnly(response, eval, ref);
        String systemicBar = eval.factsOf(SystemicTherapyBar.class).stream().map(SystemicTherapyBar::reason).sorted()
                .findFirst().orElse(null);
        Map<String, String> agentBars = new LinkedHashMap<>();
        eval.factsOf(AgentRestriction.class).stream().filter(AgentRestriction::isBar)
                .forEach(a -> agentBars.putIfAbsent(ref.canonical(a.agent()), a.reason()));

        for (Recommendation r : response.recommendations()) {
            List<String> agents = agentsOf(r.code(), eval, ref);
            checkAgents(Violation.Kind.RECOMMENDATION, r.code(), agents, barred, progressed, allowedRepeats, r.firedBy(), ref, out);
            checkAgentBars(Violation.Kind.RECOMMENDATION, r.code(), agents, agentBars, r.firedBy(), out);
            if (systemicBar != null && (GIVES_A_DRUG.contains(r.category()) || !agents.isEmpty())) {
                out.add(new Violation(Invariant.I1, Violation.Kind.RECOMMENDATION, r.code(),
                        "systemic therapy while " + systemicBar, r.firedBy()));
            }
            if (supportiveOnly != null && r.category().isActiveTherapy()) {
                out.add(new Violation(Invariant.I4, Violation.Kind.RECOMMENDATION, r.code(),
                        "active therapy while " + supportiveOnly, r.firedBy()));
            }
            if (r.rationale() == null || r.rationale().isBlank()) {
                out.add(new Violation(Invariant.I5, Violation.Kind.RECOMMENDATION, r.code(), "no rationale", r.firedBy()));
            }
            if (r.evidence().isEmpty() && !NEED_NO_EVIDENCE.contains(r.category())) {
                out.add(new Violation(Invariant.I5, Violation.Kind.RECOMMENDATION, r.code(),
                        "no evidence row backs this " + r.category().name().toLowerCase() + " option", r.firedBy()));
            }
        }
        for (TrialMatch t : response.trials()) {
            List<String> agents = ref.agentsOfTrial(t.id());
            List<String> rules = eval.factsOf(TrialMatch.class).stream().filter(m -> m.id().equals(t.id()))
                    .map(eval::ruleThatInserted).filter(java.util.Objects::nonNull).distinct().sorted().toList();
            checkAgents(Violation.Kind.TRIAL, t.id(), agents, barred, progressed, Set.of(), rules, ref, out);
            checkAgentBars(Violation.Kind.TRIAL, t.id(), agents, agentBars, rules, out);
            if (systemicBar != null) {
                out.add(new Violation(Invariant.I1, Violation.Kind.TRIAL, t.id(), "a treatment trial while " + systemicBar, rules));
            }
            if (supportiveOnly != null) {
                out.add(new Violation(Invariant.I4, Violation.Kind.TRIAL, t.id(), "a treatment trial while " + supportiveOnly, rules));
            }
        }
        Set<String> excluded = new LinkedHashSet<>();
        for (NotRecommended n : response.notRecommended()) {
            excluded.add(n.code());
            if (n.reason() == null || n.reason().isBlank()) {
                out.add(new Violation(Invariant.I5, Violation.Kind.EXCLUSION, n.code(), "an exclusion without a reason", n.firedBy()));
            }
        }
        for (Recommendation r : response.recommendations()) {
            if (excluded.contains(r.code())) {
                out.add(new Violation(Invariant.I3, Violation.Kind.RECOMMENDATION, r.code(), "both recommended and not recommended", r.firedBy()));
            }
        }
        for (int i = 0; i < response.recommendations().size(); i++) {
            if (response.recommendations().get(i).rank() != i + 1) {
                out.add(new Violation(Invariant.I5, Violation.Kind.RANKS, response.recommendations().get(i).code(),
                        "ranks do not run 1.." + response.recommendations().size(), List.of()));
                break;
            }
        }
        return List.copyOf(out);
    }

    private static void checkAgents(Violation.Kind kind, String code, List<String> agents, Map<DrugClass, String> barred,
                                    Map<String, String> progressed, Set<String> allowedRepeats, List<String> rules,
                                    ReferenceData ref, List<Violation> out) {
        for (String agent : agents) {
            String name = kind == Violation.Kind.TRIAL ? ref.trialAgents().stream()
                    .filter(a -> a.trialId().equals(code) && a.sameAs().equals(agent)).map(a -> a.describe())
                    .findFirst().orElse(agent) : agent;
            for (DrugClass c : ref.classesOf(agent)) {
                if (barred.containsKey(c)) {
                    out.add(new Violation(Invariant.I1, kind, code, "contains " + name + " (" + c + "); "
                            + barred.get(c), rules));
                }
            }
            String line = progressed.get(agent);
            if (line != null && !allowedRepeats.contains(code + "|" + agent)) {
                out.add(new Violation(Invariant.I2, kind, code, "contains " + name + ", on which the patient progressed ("
                        + line + ")", rules));
            }
        }
    }

    /** An agent a table row bars for this patient now (deferred or not recommended by its label). */
    private static void checkAgentBars(Violation.Kind kind, String code, List<String> agents, Map<String, String> agentBars,
                                       List<String> rules, List<Violation> out) {
        for (String agent : agents) {
            String reason = agentBars.get(agent);
            if (reason != null) {
                out.add(new Violation(Invariant.I1, kind, code, "contains " + agent + "; " + reason, rules));
            }
        }
    }

    /**
     * What an option gives: its catalogue agents, or the agents a rule said it gives; an option outside
     * the catalogue (a matched therapy) is named after its agent, so a restriction on that code counts too.
     */
    private static List<String> agentsOf(String code, Evaluation eval, ReferenceData ref) {
        Set<String> out = new LinkedHashSet<>(ref.agentsOfRegimen(code));
        eval.factsOf(OptionAgent.class).stream().filter(a -> a.code().equals(code)).forEach(a -> out.add(ref.canonical(a.agent())));
        if (out.isEmpty() && eval.factsOf(AgentRestriction.class).stream().anyMatch(a -> a.agent().equals(code))) {
            out.add(code);
        }
        return List.copyOf(out);
    }

    /** Canonical agent to "REGIMEN, line N" for every agent of every regimen the patient progressed on. */
    private static Map<String, String> progressedAgents(Evaluation eval, ReferenceData ref) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PriorTherapy t : eval.factsOf(PriorTherapy.class)) {
            if (t.outcome() == TherapyOutcome.PROGRESSION) {
                for (String agent : ref.agentsOfRegimen(t.regimen())) {
                    out.putIfAbsent(agent, t.regimen() + ", line " + t.line());
                }
            }
        }
        return out;
    }

    /** Why only supportive care may be given (I4), or null when active therapy is open. */
    private static String supportiveOnly(GuidanceResponse response, Evaluation eval, ReferenceData ref) {
        if (response.derived() != null && response.derived().childPughClass() == ChildPughClass.C) {
            return "Child-Pugh C";
        }
        Double minEcog = ref.threshold(SUPPORTIVE_CARE_MIN_ECOG).orElse(null);
        Integer ecog = eval.factsOf(PatientCase.class).stream().findFirst().map(PatientCase::ecog).orElse(null);
        if (minEcog != null && ecog != null && ecog >= minEcog) {
            return "ECOG " + ecog;
        }
        return null;
    }
}
