package org.hccguidance.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.ShippedRules;
import org.hccguidance.scenario.ResponseSnapshot;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer may depend on the order in which Drools fires rules. Loading the files, and the rules
 * inside each file, in other orders changes that firing order; every scenario patient's response must
 * stay the same (apart from which rules fired).
 */
class RuleOrderIndependenceTests {

    @Test
    void everyScenarioPatientGetsTheSameAnswerWhateverOrderTheRulesAreLoadedIn() {
        List<Scenario> scenarios = ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS);
        GuidanceEngine engine = new GuidanceEngine(EvaluationLimits.DEFAULT);
        RuleSources shipped = RuleSources.fromDirectory(ShippedRules.RULES);
        ObjectNode expected = ResponseSnapshot.take(ShippedRules.ruleSet(), scenarios, engine, Clock.systemUTC());
        for (long seed = 1; seed <= 3; seed++) {
            RuleSources shuffled = shuffle(shipped, new Random(seed));
            assertThat(shuffled.paths()).isNotEqualTo(shipped.paths());
            RuleSet rs = new RuleSetCompiler().compile(shuffled);
            try {
                ObjectNode actual = ResponseSnapshot.take(rs, scenarios, engine, Clock.systemUTC());
                assertThat(ResponseSnapshot.differences(expected, actual)).as("seed %d", seed).isEmpty();
            } finally {
                rs.release();
            }
        }
        assertThat(expected.size()).isEqualTo(scenarios.size());
    }

    /** The same files in another order, each DRL file with its rules in another order. */
    static RuleSources shuffle(RuleSources sources, Random random) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : sources.files()) {
            files.add(f.isDrl() ? new RuleFile(f.path(), shuffleRules(f.text(), random).getBytes(StandardCharsets.UTF_8)) : f);
        }
        Collections.shuffle(files, random);
        return new RuleSources(sources.label(), files, sources.ignored());
    }

    static String shuffleRules(String drl, Random random) {
        String[] parts = drl.split("(?m)(?=^rule \")");
        List<String> rules = new ArrayList<>(List.of(parts).subList(1, parts.length));
        Collections.shuffle(rules, random);
        // Each rule block must end with a line break before the next one starts.
        return parts[0] + String.join("", rules.stream().map(r -> r.endsWith("\n") ? r : r + "\n").toList());
    }
}
