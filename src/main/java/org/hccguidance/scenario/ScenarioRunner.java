package org.hccguidance.scenario;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs scenarios against one rule set and measures which rules they exercised. */
public final class ScenarioRunner {

    private final GuidanceEngine engine;
    private final Clock clock;

    public ScenarioRunner(GuidanceEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    private record Outcome(Scenario scenario, GuidanceService.Traced traced, String error) {
    }

    private Outcome outcome(RuleSet ruleSet, Scenario s) {
        try {
            return new Outcome(s, GuidanceService.trace(s.patient(), ruleSet, engine, clock), null);
        } catch (InvalidPatientException e) {
            return new Outcome(s, null, "the patient is invalid for this rule set: " + e.problems());
        } catch (RuleExecutionException e) {
            return new Outcome(s, null, "evaluation failed: " + e.getMessage());
        }
    }

    private static <T> T withLoader(ClassLoader loader, java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    public SuiteResult run(RuleSet ruleSet, List<Scenario> scenarios) {
        Set<RuleRef> fired = new HashSet<>();
        Set<String> knownCodes = new HashSet<>(ruleSet.knownRegimens());
        Set<String> knownAlerts = new HashSet<>();
        Set<String> knownMissing = new HashSet<>();
        // Scenarios are independent and the rule set is shared safely, so they run in parallel: the gate
        // sits on the path of every reload and of start-up.
        // Pool threads run with the caller's class loader: in the packaged jar the engine finds its services
        // (the constraint compiler's executor) through it, and a pool thread's default loader cannot see them.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Outcome> outcomes = scenarios.parallelStream().map(s -> withLoader(loader, () -> outcome(ruleSet, s))).toList();
        Map<Scenario, GuidanceService.Traced> traces = new LinkedHashMap<>();
        Map<Scenario, String> errors = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                errors.put(o.scenario(), o.error());
                continue;
            }
            GuidanceService.Traced t = o.traced();
            traces.put(o.scenario(), t);
            fired.addAll(t.evaluation().firedRuleRefs());
            t.response().recommendations().stream().map(Recommendation::code).forEach(knownCodes::add);
            t.response().notRecommended().stream().map(NotRecommended::code).forEach(knownCodes::add);
            t.response().alerts().forEach(a -> knownAlerts.add(a.code()));
            t.response().missingData().forEach(m -> knownMissing.add(m.field()));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (errors.containsKey(s)) {
                results.add(new ScenarioResult(s.id(), s.title(), s.source(), s.file(), false, List.of(errors.get(s)), null));
                continue;
            }
            var response = traces.get(s).response();
            List<String> failures = ScenarioCheck.failures(s.expect(), response, knownCodes, ruleSet.knownTrials(),
                    knownAlerts, knownMissing);
            results.add(new ScenarioResult(s.id(), s.title(), s.source(), s.file(), failures.isEmpty(), failures, response));
        }
        List<RuleRef> unfired = ruleSet.rules().stream().filter(r -> !fired.contains(r)).toList();
        int total = ruleSet.ruleCount();
        double percent = total == 0 ? 100.0 : Math.floor(1000.0 * (total - unfired.size()) / total) / 10.0;
        Set<String> cited = new HashSet<>();
        traces.values().forEach(t -> t.response().recommendations().forEach(r -> cited.addAll(r.firedBy())));
        List<String> uncited = ruleSet.reference().evidence().stream().map(org.hccguidance.guidance.EvidenceRow::name)
                .filter(name -> !cited.contains(name)).distinct().sorted().toList();
        return new SuiteResult(ruleSet.version(), ruleSet.source(), results,
                new Coverage(total, total - unfired.size(), percent, unfired, uncited));
    }
}
