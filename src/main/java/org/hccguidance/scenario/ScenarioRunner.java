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

    public SuiteResult run(RuleSet ruleSet, List<Scenario> scenarios) {
        Map<Scenario, GuidanceService.Traced> traces = new LinkedHashMap<>();
        Map<Scenario, String> errors = new LinkedHashMap<>();
        // Catalogue rules fire once per rule set, when it is built, not per patient. Rows that are only looked
        // up (evidence) count once a scenario's response cites them, so a row attached to a misspelt option
        // or an unreached pathway still shows up as untested.
        Set<RuleRef> lookupOnly = ruleSet.lookupOnlyRules();
        Set<RuleRef> fired = new HashSet<>(ruleSet.catalogueRules());
        fired.removeAll(lookupOnly);
        Set<String> knownCodes = new HashSet<>(ruleSet.knownRegimens());
        for (Scenario s : scenarios) {
            try {
                GuidanceService.Traced t = GuidanceService.trace(s.patient(), ruleSet, engine, clock);
                traces.put(s, t);
                fired.addAll(t.evaluation().firedRuleRefs());
                t.response().recommendations().forEach(r -> lookupOnly.stream()
                        .filter(ref -> r.firedBy().contains(ref.name())).forEach(fired::add));
                t.response().recommendations().stream().map(Recommendation::code).forEach(knownCodes::add);
                t.response().notRecommended().stream().map(NotRecommended::code).forEach(knownCodes::add);
            } catch (InvalidPatientException e) {
                errors.put(s, "the patient is invalid for this rule set: " + e.problems());
            } catch (RuleExecutionException e) {
                errors.put(s, "evaluation failed: " + e.getMessage());
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (errors.containsKey(s)) {
                results.add(new ScenarioResult(s.id(), s.title(), s.source(), s.file(), false, List.of(errors.get(s)), null));
                continue;
            }
            var response = traces.get(s).response();
            List<String> failures = ScenarioCheck.failures(s.expect(), response, knownCodes, ruleSet.knownTrials());
            results.add(new ScenarioResult(s.id(), s.title(), s.source(), s.file(), failures.isEmpty(), failures, response));
        }
        List<RuleRef> unfired = ruleSet.rules().stream().filter(r -> !fired.contains(r)).toList();
        int total = ruleSet.ruleCount();
        double percent = total == 0 ? 100.0 : Math.floor(1000.0 * (total - unfired.size()) / total) / 10.0;
        return new SuiteResult(ruleSet.version(), ruleSet.source(), results,
                new Coverage(total, total - unfired.size(), percent, unfired));
    }
}
