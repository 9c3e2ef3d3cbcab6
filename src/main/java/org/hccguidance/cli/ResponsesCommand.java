package org.hccguidance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.scenario.ResponseSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code responses [--rules DIR] [--scenarios DIR] (--out FILE | --compare FILE)}: writes every scenario
 * patient's response (without the audit) to a file, or compares the current responses with such a file.
 * Used to prove that a restructuring of the rule base changed no answer. Exit 1 when they differ.
 */
@Command(name = "responses", mixinStandardHelpOptions = true,
        description = {"Write every scenario patient's response to a file, or compare with such a file.",
                "Proof that restructuring the rules changed no answer: exit 1 when any response differs."})
final class ResponsesCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Mixin
    ScenariosOption scenarios;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE.json", description = "Write the responses to this file.")
        Path out;

        @Option(names = "--compare", paramLabel = "FILE.json", description = "Compare today's responses with this file.")
        Path compare;
    }

    private final PrintStream out;

    ResponsesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        var loaded = ValidateCommand.loadScenarios(scenarios.scenarios);
        RuleSet ruleSet = RuleLoading.load(rules.rules);
        ObjectNode now;
        try {
            now = ResponseSnapshot.take(ruleSet, loaded, new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());
        } finally {
            ruleSet.release();
        }
        try {
            if (target.out != null) {
                Files.writeString(target.out, PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(now));
                out.println(now.size() + " responses written to " + target.out);
                return ExitCodes.OK;
            }
            JsonNode before = PatientJson.mapper().readTree(Files.readString(target.compare));
            List<String> diffs = ResponseSnapshot.differences(before, now);
            diffs.forEach(out::println);
            out.println(diffs.isEmpty() ? "responses identical (" + now.size() + " patients)" : diffs.size() + " difference(s)");
            return diffs.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read or write the responses file: " + e.getMessage());
        }
    }
}
