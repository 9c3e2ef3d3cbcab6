package org.hccguidance.impact;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every cohort patient on both rule sets and collects the differences. The same clock is
 * used for both sides, so date-dependent advice (a trial's status check) cannot show as a change.
 */
public final class ImpactAnalysis {

    /** How many patient names a summary line lists; the count is always complete. */
    static final int NAMED_PER_SUMMARY = 50;

    private final GuidanceEngine engine;
    private final Clock clock;

    public ImpactAnalysis(GuidanceEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public ImpactReport compare(RuleSet from, String fromLabel, RuleSet to, String toLabel, List<CohortPatient> cohort) {
        Clock fixed = Clock.fixed(clock.instant(), clock.getZone());
        Map<CohortPatient.Source, Integer> bySource = new EnumMap<>(CohortPatient.Source.class);
        List<PatientImpact> changed = new ArrayList<>();
        for (CohortPatient p : cohort) {
            bySource.merge(p.source(), 1, Integer::sum);
            List<Change> changes = changes(p, from, to, fixed);
            if (!changes.isEmpty()) {
                changed.add(new PatientImpact(p.id(), p.source(), changes));
            }
        }
        return new ImpactReport(from.version(), fromLabel, to.version(), toLabel, fixed.instant(), bySource,
                changed.size(), cohort.size(), summarise(changed), changed);
    }

    /** How many of the patients' guidance differs between the two rule sets; for the reload report. */
    public int countChanged(RuleSet from, RuleSet to, List<CohortPatient> cohort) {
        Clock fixed = Clock.fixed(clock.instant(), clock.getZone());
        return (int) cohort.stream().filter(p -> !changes(p, from, to, fixed).isEmpty()).count();
    }

    /**
     * How many answers differ between two sets of answers already given, by patient id; a missing answer
     * (the patient could not be evaluated) differs from any answer but another missing one.
     */
    public static int countChanged(Map<String, GuidanceResponse> before, Map<String, GuidanceResponse> after) {
        int changed = 0;
        for (Map.Entry<String, GuidanceResponse> e : after.entrySet()) {
            GuidanceResponse a = before.get(e.getKey());
            GuidanceResponse b = e.getValue();
            if (a == null || b == null ? a != b : !ResponseDiff.between(a, b).isEmpty()) {
                changed++;
            }
        }
        return changed;
    }

    private List<Change> changes(CohortPatient p, RuleSet from, RuleSet to, Clock fixed) {
        Outcome a = evaluate(p, from, fixed);
        Outcome b = evaluate(p, to, fixed);
        if (a.response() != null && b.response() != null) {
            return ResponseDiff.between(a.response(), b.response());
        }
        if (a.error() != null && a.error().equals(b.error())) {
            return List.of();
        }
        return List.of(new Change(ChangeKind.EVALUATION, null, a.describe(), b.describe()));
    }

    private record Outcome(GuidanceResponse response, String error) {
        String describe() {
            return error == null ? "evaluated" : error;
        }
    }

    private Outcome evaluate(CohortPatient p, RuleSet ruleSet, Clock fixed) {
        try {
            return new Outcome(GuidanceService.evaluate(p.patient(), ruleSet, engine, fixed), null);
        } catch (InvalidPatientException | RuleExecutionException e) {
            return new Outcome(null, "not evaluated: " + e.getMessage());
        }
    }

    private static List<CodeSummary> summarise(List<PatientImpact> changed) {
        Map<String, List<String>> patientsByChange = new LinkedHashMap<>();
        Map<String, Change> exampleOf = new LinkedHashMap<>();
        for (PatientImpact p : changed) {
            for (Change c : p.changes()) {
                String key = c.summaryKey();
                exampleOf.putIfAbsent(key, c);
                List<String> names = patientsByChange.computeIfAbsent(key, k -> new ArrayList<>());
                if (names.isEmpty() || !names.get(names.size() - 1).equals(p.patient())) {
                    names.add(p.patient());
                }
            }
        }
        return patientsByChange.entrySet().stream()
                .map(e -> new CodeSummary(exampleOf.get(e.getKey()).kind(), exampleOf.get(e.getKey()).subject(), e.getKey(),
                        e.getValue().size(), e.getValue().subList(0, Math.min(NAMED_PER_SUMMARY, e.getValue().size()))))
                // What patients are offered before how it is worded; within a kind, the most frequent first.
                .sorted(Comparator.comparing(CodeSummary::kind)
                        .thenComparing(Comparator.comparingInt(CodeSummary::patientCount).reversed())
                        .thenComparing(CodeSummary::change))
                .toList();
    }
}
