package org.hccguidance;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;

import java.nio.file.Path;
import java.time.Clock;

/** The shipped rules/ folder compiled once per test JVM, and helpers to evaluate patients on it. */
public final class ShippedRules {

    public static final Path RULES = Path.of("rules");
    public static final Path SCENARIOS = Path.of("scenarios");
    private static RuleSet ruleSet;

    private ShippedRules() {
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = new RuleSetCompiler().compile(RuleSources.fromDirectory(RULES));
        }
        return ruleSet;
    }

    public static GuidanceResponse evaluate(PatientCase patient) {
        return GuidanceService.evaluate(patient, ruleSet(), new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());
    }

    public static GuidanceResponse evaluate(String patientJson) {
        return evaluate(patient(patientJson));
    }

    public static PatientCase patient(String json) {
        try {
            return PatientJson.mapper().readValue(json, PatientCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The shipped rules plus one planted rule file ({@code planted/planted.drl}), compiled; the caller releases it. */
    public static RuleSet withPlanted(Path dir, String drl) throws java.io.IOException {
        Path rules = TestFiles.copyTree(RULES, dir.resolve("rules"));
        java.nio.file.Files.createDirectories(rules.resolve("planted"));
        java.nio.file.Files.writeString(rules.resolve("planted/planted.drl"), drl);
        return new RuleSetCompiler().compile(RuleSources.fromDirectory(rules));
    }
}
