package org.hccguidance.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.scenario.ScenarioFormatException;
import org.hccguidance.scenario.ScenarioGateService;
import org.hccguidance.scenario.SuiteResult;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The committee's suite against the live rules: pass and fail, unmet expectations beside the answer, coverage by file. */
@Controller
@Hidden
class ScenarioPage {

    private final RuleSetRegistry registry;
    private final ScenarioGateService scenarios;

    ScenarioPage(RuleSetRegistry registry, ScenarioGateService scenarios) {
        this.registry = registry;
        this.scenarios = scenarios;
    }

    /** Rule coverage of one rule file or decision table. */
    record FileCoverage(String file, int rules, int fired, List<String> unfired) {
        public int percent() {
            return rules == 0 ? 100 : Math.round(100f * fired / rules);
        }
    }

    @GetMapping("/workbench/scenarios")
    String page(Model model) {
        model.addAttribute("page", "scenarios");
        model.addAttribute("scenarioSource", scenarios.scenarioSource().startsWith("folder:") ? "the scenario folder"
                : "the suite inside the application");
        return "workbench/scenarios";
    }

    @PostMapping("/workbench/scenarios/run")
    String run(Model model) {
        RuleSet live = registry.active().orElse(null);
        if (live == null) {
            model.addAttribute("runProblem", "no valid rule set is live");
            return page(model);
        }
        SuiteResult result;
        try {
            result = scenarios.run(live, scenarios.scenarios());
        } catch (ScenarioFormatException e) {
            model.addAttribute("runProblem", "malformed scenario files: " + String.join("; ", e.problems()));
            return page(model);
        }
        model.addAttribute("suite", result);
        model.addAttribute("coverageByFile", coverageByFile(live, result));
        return page(model);
    }

    private static List<FileCoverage> coverageByFile(RuleSet live, SuiteResult result) {
        Set<RuleRef> unfired = new HashSet<>(result.coverage().unfired());
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> unfiredNames = new TreeMap<>();
        for (RuleRef r : live.rules()) {
            int[] c = counts.computeIfAbsent(r.file(), f -> new int[2]);
            c[0]++;
            if (unfired.contains(r)) {
                unfiredNames.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(r.name());
            } else {
                c[1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new FileCoverage(e.getKey(), e.getValue()[0], e.getValue()[1],
                unfiredNames.getOrDefault(e.getKey(), List.of()))).toList();
    }
}
