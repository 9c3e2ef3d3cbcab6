package org.hccguidance.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evaluates generated patients on a rule set under the same limits as requests, and reports every
 * patient that breaks a safety invariant or a limit: the invariant, the rules behind the item and the
 * patient as JSON, so it can be saved as a scenario. Scenarios test the cases someone thought of; this
 * tests the property for every patient the generator can make.
 */
public final class GeneratedPatientCheck {

    /** The default seed, fixed so that a refusal can be reproduced. */
    public static final long DEFAULT_SEED = 20251125L;
    /** How many findings are reported in full; the count says how many more. */
    private static final int REPORTED = 5;

    private final GuidanceEngine engine;
    private final Clock clock;

    public GeneratedPatientCheck(GuidanceEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** One generated patient that failed, and how. */
    public record Finding(int index, String problem, String patientJson) {

        public String summary() {
            return "generated patient #" + index + ": " + problem + "; patient: " + patientJson;
        }
    }

    /** The result of a run: how many patients, how long, and what failed. */
    public record Result(int patients, long millis, List<Finding> findings) {

        public boolean passed() {
            return findings.isEmpty();
        }

        /** Failure lines for a report: the first few in full, then a count. */
        public List<String> failures() {
            List<String> out = new ArrayList<>();
            findings.stream().limit(REPORTED).forEach(f -> out.add(f.summary()));
            if (findings.size() > REPORTED) {
                out.add("... and " + (findings.size() - REPORTED) + " more generated patients failed");
            }
            return out;
        }
    }

    public Result run(RuleSet ruleSet, long seed, int count) {
        long started = System.nanoTime();
        PatientGenerator generator = PatientGenerator.forRuleSet(ruleSet);
        List<Finding> findings = IntStream.range(0, count).parallel()
                .mapToObj(i -> check(ruleSet, i, generator.patient(seed, i)))
                .filter(f -> f != null)
                .sorted(Comparator.comparingInt(Finding::index))
                .toList();
        return new Result(count, (System.nanoTime() - started) / 1_000_000, findings);
    }

    private Finding check(RuleSet ruleSet, int index, PatientCase patient) {
        try {
            GuidanceService.Traced traced = GuidanceService.trace(patient, ruleSet, engine, clock);
            if (traced.violations().isEmpty()) {
                return null;
            }
            Violation v = traced.violations().get(0);
            return new Finding(index, "safety check " + v.invariant() + " on " + v.kind().name().toLowerCase() + " "
                    + v.code() + " (" + v.detail() + "; rules: " + v.rules() + ")"
                    + (traced.violations().size() > 1 ? " and " + (traced.violations().size() - 1) + " more" : ""), json(patient));
        } catch (RuleExecutionException e) {
            return new Finding(index, "evaluation failed: " + e.getMessage(), json(patient));
        } catch (InvalidPatientException e) {
            return new Finding(index, "the generator made a patient this rule set refuses: " + e.getMessage(), json(patient));
        }
    }

    private static String json(PatientCase patient) {
        try {
            return PatientJson.mapper().writeValueAsString(patient);
        } catch (JsonProcessingException e) {
            return "(cannot be written as JSON)";
        }
    }
}
