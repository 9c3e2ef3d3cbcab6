package org.hccguidance.guidance;

import org.hccguidance.safety.SafetyInvariants;
import org.hccguidance.safety.SafetyNet;
import org.hccguidance.safety.Violation;
import java.util.List;

import org.hccguidance.engine.Evaluation;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientFacts;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Evaluates one patient on the live rule set, or on a stored version when asked. */
@Service
public class GuidanceService {

    private final RuleSetRegistry registry;
    private final GuidanceEngine engine;
    private final Clock clock;

    public GuidanceService(RuleSetRegistry registry, GuidanceEngine engine, Clock clock) {
        this.registry = registry;
        this.engine = engine;
        this.clock = clock;
    }

    public GuidanceResponse evaluate(PatientCase patient) {
        RuleSet ruleSet = registry.active()
                .orElseThrow(() -> new NoRuleSetException("no valid rule set is loaded; see GET /api/v1/ruleset", false));
        return evaluate(patient, ruleSet, engine, clock);
    }

    public GuidanceResponse evaluate(PatientCase patient, String rulesetVersion) {
        RuleSet ruleSet = registry.storedVersion(rulesetVersion)
                .orElseThrow(() -> new NoRuleSetException("rule set version " + rulesetVersion + " was never activated here", true));
        return evaluate(patient, ruleSet, engine, clock);
    }

    /** The whole evaluation path, shared by the service, the CLI and the scenario runner. */
    public static GuidanceResponse evaluate(PatientCase patient, RuleSet ruleSet, GuidanceEngine engine, Clock clock) {
        return trace(patient, ruleSet, engine, clock).response();
    }

    /**
     * The same evaluation, keeping the engine's trace (fired rules by file) for coverage, and the safety
     * violations the response had before the safety net withheld the offending items.
     */
    public static Traced trace(PatientCase patient, RuleSet ruleSet, GuidanceEngine engine, Clock clock) {
        PatientCheck.requireKnownCodes(patient, ruleSet);
        Evaluation evaluation = engine.evaluate(ruleSet, facts(patient, clock.instant()));
        GuidanceResponse assembled = GuidanceAssembler.assemble(evaluation, patient.patientRef(), clock.instant());
        List<Violation> violations = SafetyInvariants.check(assembled, evaluation);
        return new Traced(SafetyNet.enforce(assembled, violations), evaluation, violations);
    }

    /** The facts an evaluation starts from: the patient's, without the caller's identifier, and the day. */
    public static List<Object> facts(PatientCase patient, java.time.Instant now) {
        List<Object> facts = new java.util.ArrayList<>(PatientFacts.of(patient.withoutRef()));
        facts.add(new org.hccguidance.facts.EvaluationDate(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)));
        return facts;
    }

    /** A response together with the evaluation that produced it and the safety checks it failed. */
    public record Traced(GuidanceResponse response, Evaluation evaluation, List<Violation> violations) {
    }
}
