package org.hccguidance.cli;

import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.impact.CodeSummary;
import org.hccguidance.impact.CohortException;
import org.hccguidance.impact.CohortPatient;
import org.hccguidance.impact.Cohorts;
import org.hccguidance.impact.ImpactAnalysis;
import org.hccguidance.impact.ImpactHtml;
import org.hccguidance.impact.ImpactReport;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.ruleset.RuleSetArchive;
import org.hccguidance.safety.GeneratedPatientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code impact --from A --to B}: what changing the rules from A to B does to every scenario patient's
 * guidance, and optionally to a folder of patients and to generated patients. A and B are rule folders
 * or versions kept in the service's archive.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Compare the guidance of two rule sets over the scenario patients (and optionally more).",
                "Lists every patient whose guidance differs and a summary per option code. Exit 0 whether or not",
                "anything changed; the report is the result."})
final class ImpactCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "RULES",
            description = "Rule set to compare from: a rule folder, or a version (sha256:...) from the archive.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "RULES",
            description = "Rule set to compare to: a rule folder, or a version (sha256:...) from the archive.")
    String to;

    @Option(names = "--archive", paramLabel = "DIR", defaultValue = "./data",
            description = "The service's data folder, where versions that were live are kept (default: ${DEFAULT-VALUE}).")
    Path archive;

    @Mixin
    ScenariosOption scenarios;

    @Option(names = "--patients", paramLabel = "DIR", description = "Also compare every patient JSON file in this folder.")
    Path patients;

    @Option(names = "--generated", paramLabel = "N", defaultValue = "0",
            description = "Also compare N generated patients (0 to " + Cohorts.MAX_GENERATED + ").")
    int generated;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the generated patients (default: the reload gate's).")
    Long seed;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the report as a self-contained HTML file.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Write the report as JSON (as the API returns it).")
    Path json;

    private final PrintStream out;

    ImpactCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<CohortPatient> cohort = new ArrayList<>(Cohorts.of(ValidateCommand.loadScenarios(scenarios.scenarios)));
        RuleSet before = load(from, "--from");
        try {
            RuleSet after = load(to, "--to");
            try {
                try {
                    if (patients != null) {
                        cohort.addAll(Cohorts.fromFolder(patients));
                    }
                    cohort.addAll(Cohorts.generated(before, seed == null ? GeneratedPatientCheck.DEFAULT_SEED : seed, generated));
                } catch (CohortException e) {
                    String option = "patientsDir".equals(e.field()) ? "--patients" : "--" + e.field();
                    throw new CliException(ExitCodes.USAGE, option + ": " + e.getMessage());
                }
                ImpactReport result = new ImpactAnalysis(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC())
                        .compare(before, from, after, to, cohort);
                print(result);
                write(result);
                return ExitCodes.OK;
            } finally {
                after.release();
            }
        } finally {
            before.release();
        }
    }

    private void print(ImpactReport r) {
        out.println("from " + r.fromLabel() + " (" + r.fromVersion() + ")");
        out.println("to   " + r.toLabel() + " (" + r.toVersion() + ")");
        out.println(r.patientsChanged() + " of " + r.patientsCompared() + " patients' guidance changed " + r.cohort());
        for (CodeSummary s : r.summary()) {
            out.println("  " + s.change() + " for " + s.patientCount() + (s.patientCount() == 1 ? " patient" : " patients"));
        }
    }

    private void write(ImpactReport r) {
        try {
            if (report != null) {
                Files.writeString(report, ImpactHtml.render(r));
                out.println("report written to " + report);
            }
            if (json != null) {
                Files.writeString(json, PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
                out.println("JSON written to " + json);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.COULD_NOT_FINISH, "cannot write the report: " + e.getMessage());
        }
    }

    /** A folder is compiled as it is; a version is read from the archive the service keeps. */
    private RuleSet load(String name, String option) {
        if (!name.startsWith("sha256:")) {
            if (!Files.isDirectory(Path.of(name))) {
                throw new CliException(ExitCodes.USAGE, option + ": " + name + " is neither a rule folder nor a sha256: version");
            }
            return RuleLoading.load(name);
        }
        RuleSources sources;
        try {
            sources = new RuleSetArchive(archive).sources(name).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    option + ": version " + name + " is not in the archive " + archive));
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.USAGE, option + ": cannot read the archive " + archive + ": " + e.getMessage());
        }
        try {
            return new RuleSetCompiler().compile(sources);
        } catch (RuleSetRefusedException e) {
            throw new CliException(ExitCodes.RULES_REFUSED, option + ": archived version " + name + " no longer compiles: "
                    + e.errors());
        }
    }
}
