package org.hccguidance.cli;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.scenario.ScenarioRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scenario record PATIENT.json --id ID}: today's guidance written as a new scenario file. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Write a patient's current guidance as a new scenario file.",
                "Records the setting, derived values, every recommendation with strength and rank, exclusions, trials,"
                        + " alerts and missing data, for the committee to trim. Never overwrites a file."})
final class RecordCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATIENT.json", description = "The patient, exactly the body of POST /api/v1/guidance; - reads it from standard input.")
    Path patientFile;

    @Option(names = "--id", required = true, paramLabel = "ID",
            description = "Scenario id, e.g. post-io/bleeding-ctla4: lower-case letters, digits, '/', '_', '-', '.'.")
    String id;

    @Mixin
    RulesOption rules;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = "Scenario folder to write into (default: ${DEFAULT-VALUE}); the file is DIR/ID.yaml.")
    String scenarios;

    @Option(names = "--out", paramLabel = "FILE.yaml", description = "Write exactly this file instead.")
    Path outFile;

    private final PrintStream out;

    RecordCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (!id.matches("[a-z0-9][a-z0-9/_.-]{0,127}") || id.contains("..")) {
            throw new CliException(ExitCodes.USAGE, "--id must be lower-case letters, digits, '/', '_', '-' or '.', e.g. post-io/bleeding-ctla4");
        }
        PatientCase patient = PatientFiles.read(patientFile);
        RuleSet ruleSet = RuleLoading.load(rules.rules);
        GuidanceResponse g = RuleLoading.evaluateOnce(patient, ruleSet, patientFile.toString());
        String yaml = ScenarioRecorder.record(id, patient, g);
        Path target = outFile != null ? outFile : Path.of(scenarios).resolve(id + ".yaml");
        if (Files.exists(target)) {
            throw new CliException(ExitCodes.USAGE, target + " already exists; choose another --id or --out");
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot write " + target + ": " + e.getMessage());
        }
        out.println("recorded " + target);
        return ExitCodes.OK;
    }
}
