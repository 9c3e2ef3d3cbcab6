package org.hccguidance.cli;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.ruleset.RuleSourceLocator;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Loads the rule folder the CLI was pointed at, turning a refusal into an exit with every error. */
final class RuleLoading {

    private RuleLoading() {
    }

    /** Evaluates one patient and releases the rule set, turning failures into CLI exits. */
    static org.hccguidance.guidance.GuidanceResponse evaluateOnce(org.hccguidance.facts.PatientCase patient, RuleSet ruleSet,
                                                                  String patientFile) {
        try {
            return org.hccguidance.guidance.GuidanceService.evaluate(patient, ruleSet,
                    new org.hccguidance.engine.GuidanceEngine(org.hccguidance.engine.EvaluationLimits.DEFAULT),
                    java.time.Clock.systemUTC());
        } catch (org.hccguidance.guidance.InvalidPatientException e) {
            throw new CliException(ExitCodes.USAGE, patientFile + ": " + String.join("; ",
                    e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
        } catch (org.hccguidance.engine.RuleExecutionException e) {
            throw new CliException(ExitCodes.COULD_NOT_FINISH, e.getMessage());
        } finally {
            ruleSet.release();
        }
    }

    static RuleSet load(String rulesOption) {
        RuleSources sources;
        try {
            sources = RuleSourceLocator.read(RuleSourceLocator.rulesFolder(rulesOption == null ? null : Path.of(rulesOption)));
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.RULES_REFUSED, e.getMessage());
        }
        try {
            return new RuleSetCompiler().compile(sources);
        } catch (RuleSetRefusedException e) {
            StringBuilder sb = new StringBuilder("rules in " + sources.label() + " refused (" + e.errors().size() + " error(s)):");
            e.errors().forEach(err -> sb.append("\n  ").append(err));
            throw new CliException(ExitCodes.RULES_REFUSED, sb.toString());
        }
    }
}
