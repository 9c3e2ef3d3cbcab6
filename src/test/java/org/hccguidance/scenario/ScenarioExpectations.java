package org.hccguidance.scenario;

import org.hccguidance.guidance.GuidanceResponse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario's expectations checked against guidance that did not come from the scenario runner (an
 * answer read over HTTP by a generated client). The codes and trials the scenario itself names count
 * as known: the typo check against the rule set's catalogue is the runner's job, not this one's.
 */
public final class ScenarioExpectations {

    private ScenarioExpectations() {
    }

    public static List<String> failures(Scenario s, GuidanceResponse g) {
        Expectations e = s.expect();
        Set<String> codes = new HashSet<>(e.mustNotRecommend());
        e.recommended().forEach(o -> codes.add(o.code()));
        e.notRecommended().forEach(o -> codes.add(o.code()));
        Set<String> trials = new HashSet<>(e.trials());
        trials.addAll(e.trialsNotMatched());
        e.trialsNotOffered().forEach(t -> trials.add(t.id()));
        return ScenarioCheck.failures(e, g, codes, trials);
    }
}
