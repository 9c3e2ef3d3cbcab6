package org.hccguidance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.scenario.ResponseSnapshot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code responses [--rules DIR] [--scenarios DIR] (--out FILE | --compare FILE)}: writes every scenario
 * patient's response (without the audit) to a file, or compares the current responses with such a file.
 * Used to prove that a restructuring of the rule base changed no answer. Exit 1 when they differ.
 */
final class ResponsesCommand {

    private final PrintStream out;

    ResponsesCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argList) {
        CliArgs args = CliArgs.parse(argList, Set.of("rules", "scenarios", "out", "compare"));
        if ((args.option("out") == null) == (args.option("compare") == null)) {
            throw new CliException(2, "responses needs exactly one of --out FILE or --compare FILE\n" + Cli.usage());
        }
        var scenarios = ValidateCommand.loadScenarios(args.option("scenarios"));
        RuleSet ruleSet = RuleLoading.load(args.option("rules"));
        ObjectNode now;
        try {
            now = ResponseSnapshot.take(ruleSet, scenarios, new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());
        } finally {
            ruleSet.release();
        }
        try {
            if (args.option("out") != null) {
                Files.writeString(Path.of(args.option("out")), PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(now));
                out.println(now.size() + " responses written to " + args.option("out"));
                return 0;
            }
            JsonNode before = PatientJson.mapper().readTree(Files.readString(Path.of(args.option("compare"))));
            List<String> diffs = ResponseSnapshot.differences(before, now);
            diffs.forEach(out::println);
            out.println(diffs.isEmpty() ? "responses identical (" + now.size() + " patients)" : diffs.size() + " difference(s)");
            return diffs.isEmpty() ? 0 : 1;
        } catch (IOException e) {
            throw new CliException(2, "cannot read or write the responses file: " + e.getMessage());
        }
    }
}
