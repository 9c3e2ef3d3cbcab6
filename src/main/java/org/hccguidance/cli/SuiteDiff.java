package org.hccguidance.cli;

import org.hccguidance.engine.RuleRef;
import org.hccguidance.scenario.ScenarioResult;
import org.hccguidance.scenario.SuiteResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two runs of the scenario suite: what a rule author needs after a save, and
 * nothing they already knew. A scenario that keeps failing for the same reason is not repeated.
 */
record SuiteDiff(List<ScenarioResult> newlyFailing, List<ScenarioResult> failingDifferently, List<String> newlyPassing,
                 List<String> added, List<String> removed, double coverageBefore, double coverageAfter,
                 List<RuleRef> newlyUnfired, List<RuleRef> newlyFired) {

    static SuiteDiff between(SuiteResult before, SuiteResult after) {
        Map<String, ScenarioResult> old = new LinkedHashMap<>();
        before.scenarios().forEach(r -> old.put(r.id(), r));
        List<ScenarioResult> newlyFailing = new ArrayList<>();
        List<ScenarioResult> differently = new ArrayList<>();
        List<String> newlyPassing = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScenarioResult r : after.scenarios()) {
            seen.add(r.id());
            ScenarioResult was = old.get(r.id());
            if (was == null) {
                added.add(r.id());
                if (!r.passed()) {
                    newlyFailing.add(r);
                }
            } else if (was.passed() && !r.passed()) {
                newlyFailing.add(r);
            } else if (!was.passed() && r.passed()) {
                newlyPassing.add(r.id());
            } else if (!r.passed() && !was.failures().equals(r.failures())) {
                differently.add(r);
            }
        }
        List<String> removed = old.keySet().stream().filter(id -> !seen.contains(id)).toList();
        Set<RuleRef> unfiredBefore = new HashSet<>(before.coverage().unfired());
        Set<RuleRef> unfiredAfter = new HashSet<>(after.coverage().unfired());
        List<RuleRef> newlyUnfired = after.coverage().unfired().stream().filter(r -> !unfiredBefore.contains(r)).toList();
        List<RuleRef> newlyFired = before.coverage().unfired().stream().filter(r -> !unfiredAfter.contains(r)).toList();
        return new SuiteDiff(newlyFailing, differently, newlyPassing, added, removed, before.coverage().percent(),
                after.coverage().percent(), newlyUnfired, newlyFired);
    }

    boolean isEmpty() {
        return newlyFailing.isEmpty() && failingDifferently.isEmpty() && newlyPassing.isEmpty() && added.isEmpty()
                && removed.isEmpty() && coverageBefore == coverageAfter && newlyUnfired.isEmpty() && newlyFired.isEmpty();
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        newlyFailing.forEach(r -> out.add("  newly failing: " + r.id() + ": " + String.join("; ", r.failures())));
        failingDifferently.forEach(r -> out.add("  still failing, differently: " + r.id() + ": " + String.join("; ", r.failures())));
        newlyPassing.forEach(id -> out.add("  newly passing: " + id));
        added.stream().filter(id -> newlyFailing.stream().noneMatch(r -> r.id().equals(id)))
                .forEach(id -> out.add("  new scenario, passes: " + id));
        removed.forEach(id -> out.add("  scenario removed: " + id));
        if (coverageBefore != coverageAfter || !newlyUnfired.isEmpty() || !newlyFired.isEmpty()) {
            out.add(String.format("  coverage: %.1f%% -> %.1f%%", coverageBefore, coverageAfter));
            newlyUnfired.forEach(r -> out.add("    no longer fired: " + r.file() + ": " + r.name()));
            newlyFired.forEach(r -> out.add("    now fired: " + r.file() + ": " + r.name()));
        }
        return out;
    }
}
