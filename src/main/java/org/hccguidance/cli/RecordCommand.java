package org.hccguidance.cli;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.scenario.ScenarioRecorder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code scenario record PATIENT.json --id ID}: today's guidance written as a new scenario file. */
final class RecordCommand {

    private final PrintStream out;

    RecordCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argList) {
        if (argList.isEmpty() || !argList.get(0).equals("record")) {
            throw new CliException(2, "the scenario command has one subcommand, record\n" + Cli.usage());
        }
        CliArgs args = CliArgs.parse(argList.subList(1, argList.size()), Set.of("id", "rules", "out", "scenarios"));
        if (args.positional().size() != 1 || args.option("id") == null) {
            throw new CliException(2, "scenario record needs one patient file and --id\n" + Cli.usage());
        }
        String id = args.option("id");
        if (!id.matches("[a-z0-9][a-z0-9/_.-]{0,127}") || id.contains("..")) {
            throw new CliException(2, "--id must be lower-case letters, digits, '/', '_', '-' or '.', e.g. post-io/bleeding-ctla4");
        }
        PatientCase patient = PatientFiles.read(Path.of(args.positional().get(0)));
        RuleSet ruleSet = RuleLoading.load(args.option("rules"));
        GuidanceResponse g = RuleLoading.evaluateOnce(patient, ruleSet, args.positional().get(0));
        String yaml = ScenarioRecorder.record(id, patient, g);
        Path target = args.option("out") != null ? Path.of(args.option("out"))
                : Path.of(args.options().getOrDefault("scenarios", "scenarios")).resolve(id + ".yaml");
        if (Files.exists(target)) {
            throw new CliException(2, target + " already exists; choose another --id or --out");
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(2, "cannot write " + target + ": " + e.getMessage());
        }
        out.println("recorded " + target);
        return 0;
    }
}
