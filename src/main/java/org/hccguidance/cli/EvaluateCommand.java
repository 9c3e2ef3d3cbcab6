package org.hccguidance.cli;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evaluate PATIENT.json [--rules DIR] [--format text|json]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate one patient and print the guidance.",
                "Setting, derived values, alerts, missing data, recommended and not recommended options, matching trials."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATIENT.json", description = "The patient, exactly the body of POST /api/v1/guidance; - reads it from standard input.")
    Path patientFile;

    @Mixin
    RulesOption rules;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (readable, the default) or json (only the JSON document, for piping): ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        PatientCase patient = PatientFiles.read(patientFile);
        RuleSet ruleSet = RuleLoading.load(rules.rules);
        GuidanceResponse response = RuleLoading.evaluateOnce(patient, ruleSet, patientFile.toString());
        if (format == OutputFormat.json) {
            RuleLoading.printJson(out, response);
        } else {
            out.print(GuidanceText.render(response));
        }
        return ExitCodes.OK;
    }
}
