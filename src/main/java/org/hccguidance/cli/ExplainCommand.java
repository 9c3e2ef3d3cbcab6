package org.hccguidance.cli;

import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.explain.Explainer;
import org.hccguidance.explain.Explanation;
import org.hccguidance.explain.ExplanationText;
import org.hccguidance.facts.PatientCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code explain PATIENT.json CODE [--rules DIR] [--format text|json]}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why an option was recommended, ruled out, or not offered for a patient.",
                "Shows each rule that fired on the way (file, line, cited source), the facts it matched with this patient's"
                        + " values, the derived values it built on (Child-Pugh points per component, ALBI, BCLC) and, for an"
                        + " option not recommended, the nearest rule that would have offered it and the condition that failed."})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATIENT.json", description = "The patient, exactly the body of POST /api/v1/guidance; - reads it from standard input.")
    Path patientFile;

    @Parameters(index = "1", paramLabel = "CODE", description = "An option code, e.g. LENVATINIB (any case); also alert codes.")
    String code;

    @Mixin
    RulesOption rules;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (readable, the default) or json (the same document as POST /api/v1/guidance/explain): ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    private final PrintStream out;

    ExplainCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        PatientCase patient = PatientFiles.read(patientFile);
        RuleSet ruleSet = RuleLoading.load(rules.rules);
        Explanation explanation = RuleLoading.runOnce(ruleSet, patientFile.toString(),
                () -> new Explainer(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC()).explain(ruleSet, patient, code));
        if (format == OutputFormat.json) {
            RuleLoading.printJson(out, explanation);
        } else {
            out.print(ExplanationText.render(explanation));
        }
        return ExitCodes.OK;
    }
}
