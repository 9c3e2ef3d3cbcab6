package org.hccguidance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.ruleset.RuleSourceLocator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/** Loads the rule folder the CLI was pointed at, turning a refusal into an exit with every error. */
final class RuleLoading {

    private RuleLoading() {
    }

    /** Evaluates one patient and releases the rule set, turning failures into CLI exits. */
    static GuidanceResponse evaluateOnce(PatientCase patient, RuleSet ruleSet, String patientFile) {
        return runOnce(ruleSet, patientFile,
                () -> GuidanceService.evaluate(patient, ruleSet, new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC()));
    }

    /**
     * Runs one piece of work on the rule set and releases it; an invalid patient is a usage error naming
     * the file and every field at fault, a rule that broke at run time cannot finish.
     */
    static <T> T runOnce(RuleSet ruleSet, String patientFile, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidPatientException e) {
            throw new CliException(ExitCodes.USAGE, patientFile + ": " + String.join("; ",
                    e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
        } catch (RuleExecutionException e) {
            throw new CliException(ExitCodes.COULD_NOT_FINISH, e.getMessage());
        } finally {
            ruleSet.release();
        }
    }

    /** Prints a document as indented JSON, the same document the API answers with. */
    static void printJson(PrintStream out, Object document) {
        try {
            out.println(PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCodes.COULD_NOT_FINISH, "cannot write JSON: " + e.getOriginalMessage());
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
