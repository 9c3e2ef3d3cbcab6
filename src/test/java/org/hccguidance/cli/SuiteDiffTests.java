package org.hccguidance.cli;

import org.hccguidance.engine.RuleRef;
import org.hccguidance.scenario.Coverage;
import org.hccguidance.scenario.ScenarioResult;
import org.hccguidance.scenario.SuiteResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the watch loop prints after a save: changes only. */
class SuiteDiffTests {

    private static final RuleRef R1 = new RuleRef("a.drl", "rules.a", "one");
    private static final RuleRef R2 = new RuleRef("a.drl", "rules.a", "two");

    private static ScenarioResult pass(String id) {
        return new ScenarioResult(id, "t", "s", id + ".yaml", true, List.of(), null);
    }

    private static ScenarioResult fail(String id, String why) {
        return new ScenarioResult(id, "t", "s", id + ".yaml", false, List.of(why), null);
    }

    private static SuiteResult suite(double percent, List<RuleRef> unfired, ScenarioResult... results) {
        return new SuiteResult("v", "folder", List.of(results), new Coverage(2, 2 - unfired.size(), percent, unfired, List.of()));
    }

    @Test
    void reportsOnlyWhatChanged() {
        SuiteResult before = suite(100.0, List.of(), pass("a"), pass("b"), fail("c", "old reason"), fail("d", "same"), pass("gone"));
        SuiteResult after = suite(50.0, List.of(R2), fail("a", "expected X recommended"), pass("b"), pass("c"), fail("d", "same"),
                pass("new"), fail("new-failing", "broken"));
        SuiteDiff diff = SuiteDiff.between(before, after);
        assertThat(diff.lines()).containsExactly(
                "  newly failing: a: expected X recommended",
                "  newly failing: new-failing: broken",
                "  newly passing: c",
                "  new scenario, passes: new",
                "  scenario removed: gone",
                "  coverage: 100.0% -> 50.0%",
                "    no longer fired: a.drl: two");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void aScenarioFailingForANewReasonIsReportedButTheSameFailureIsNot() {
        SuiteResult before = suite(50.0, List.of(R1), fail("a", "reason 1"), fail("b", "same"));
        SuiteResult after = suite(100.0, List.of(), fail("a", "reason 2"), fail("b", "same"));
        assertThat(SuiteDiff.between(before, after).lines()).containsExactly(
                "  still failing, differently: a: reason 2",
                "  coverage: 50.0% -> 100.0%",
                "    now fired: a.drl: one");
        assertThat(SuiteDiff.between(after, after).isEmpty()).isTrue();
    }
}
