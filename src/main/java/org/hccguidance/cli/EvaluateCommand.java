package org.hccguidance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceText;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code evaluate PATIENT.json [--rules DIR] [--format text|json]}. */
final class EvaluateCommand {

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argList) {
        CliArgs args = CliArgs.parse(argList, Set.of("rules", "format"));
        if (args.positional().size() != 1) {
            throw new CliException(2, "evaluate needs exactly one patient file\n" + Cli.usage());
        }
        String format = args.options().getOrDefault("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException(2, "--format must be text or json, not '" + format + "'");
        }
        PatientCase patient = PatientFiles.read(Path.of(args.positional().get(0)));
        RuleSet ruleSet = RuleLoading.load(args.option("rules"));
        GuidanceResponse response = RuleLoading.evaluateOnce(patient, ruleSet, args.positional().get(0));
        if (format.equals("json")) {
            try {
                out.println(PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(response));
            } catch (JsonProcessingException e) {
                throw new CliException(4, "cannot write JSON: " + e.getOriginalMessage());
            }
        } else {
            out.print(GuidanceText.render(response));
        }
        return 0;
    }
}
