package org.hccguidance.cli;

import org.hccguidance.safety.GeneratedPatientCheck;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.hccguidance.scenario.HtmlReport;
import org.hccguidance.scenario.JunitXmlReport;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioFormatException;
import org.hccguidance.scenario.ScenarioLoader;
import org.hccguidance.scenario.ScenarioResult;
import org.hccguidance.scenario.ScenarioRunner;
import org.hccguidance.scenario.SuiteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code validate}: the committee's sign-off run of any rule folder against any scenario folder,
 * without Maven. Exit 0 only when every scenario passes and coverage reaches the minimum. With
 * {@code --watch} it stays running and re-runs on every save (see {@link WatchLoop}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run every scenario against a rule folder (the committee's sign-off run).",
                "Prints a PASS/FAIL line per scenario, rule coverage, the rules no scenario fired, and a closing"
                        + " 'N passed, N failed' line; optionally an HTML report and JUnit XML.",
                "With --watch it stays running: after each save in the rule or scenario folder it rebuilds in the same JVM,"
                        + " re-runs and prints only what changed (newly failing, newly passing, coverage). Enter re-runs"
                        + " everything, q quits."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Mixin
    ScenariosOption scenarios;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the HTML report here (rewritten after every run with --watch).")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write JUnit XML here, for CI systems.")
    Path junit;

    @Option(names = "--min-coverage", paramLabel = "PERCENT", defaultValue = "0",
            description = "Fail when fewer than this share of rules fired in some scenario (0-100; default ${DEFAULT-VALUE}).")
    String minCoverage;

    @Option(names = {"-w", "--watch"}, description = "Keep running and re-validate on every save in the rule or scenario folder.")
    boolean watch;

    @Option(names = "--generated", paramLabel = "N", defaultValue = "0",
            description = "Also evaluate N generated patients (fixed seed) and fail on any safety-invariant violation or "
                    + "limit, printing each such patient as JSON (0, the default, skips it; the reload gate uses 2000).")
    int generated;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the generated patients (default: the gate's seed).")
    Long seed;

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        double min = parseCoverage(minCoverage);
        if (watch) {
            Optional<Path> ruleFolder = RuleSourceLocator.rulesFolder(rules.rules == null ? null : Path.of(rules.rules));
            if (ruleFolder.isEmpty() || !Files.isDirectory(ruleFolder.get())) {
                throw new CliException(ExitCodes.USAGE, "--watch needs a rule folder on disk: give --rules DIR, or run where ./rules exists"
                        + ruleFolder.map(p -> " (" + p + " is not a folder)").orElse(""));
            }
            Optional<Path> scenarioFolder = RuleSourceLocator.scenariosFolder(scenarios.scenarios == null ? null : Path.of(scenarios.scenarios));
            return new WatchLoop(ruleFolder.get(), scenarioFolder, min, out, this::writeReports, Duration.ofMillis(150))
                    .run(System.in);
        }
        if (generated < 0) {
            throw new CliException(ExitCodes.USAGE, "--generated must be 0 or more, not " + generated);
        }
        List<Scenario> loaded = loadScenarios(scenarios.scenarios);
        RuleSet ruleSet = RuleLoading.load(rules.rules);
        SuiteResult suite;
        GeneratedPatientCheck.Result generatedResult = null;
        try {
            GuidanceEngine engine = new GuidanceEngine(EvaluationLimits.DEFAULT);
            suite = new ScenarioRunner(engine, Clock.systemUTC()).run(ruleSet, loaded);
            if (generated > 0) {
                generatedResult = new GeneratedPatientCheck(engine, Clock.systemUTC()).run(ruleSet,
                        seed == null ? GeneratedPatientCheck.DEFAULT_SEED : seed, generated);
            }
        } finally {
            ruleSet.release();
        }
        for (ScenarioResult r : suite.scenarios()) {
            out.println(line(r));
        }
        out.println();
        out.printf("Rule coverage: %.1f%% (%d of %d rules fired by at least one scenario; minimum %.1f%%)%n",
                suite.coverage().percent(), suite.coverage().firedRules(), suite.coverage().totalRules(), min);
        for (RuleRef r : suite.coverage().unfired()) {
            out.println("  not fired: " + r.file() + ": " + r.name());
        }
        writeReports(suite, loaded);
        for (String row : suite.coverage().uncitedEvidence()) {
            out.println("  evidence row no scenario cites: " + row);
        }
        boolean coverageOk = suite.coverage().percent() >= min;
        if (!coverageOk) {
            out.printf("Coverage %.1f%% is below the minimum %.1f%%%n", suite.coverage().percent(), min);
        }
        boolean generatedOk = true;
        if (generatedResult != null) {
            generatedOk = generatedResult.passed();
            out.printf("Generated patients: %d evaluated in %d ms, %d broke a safety invariant or a limit%n",
                    generatedResult.patients(), generatedResult.millis(), generatedResult.findings().size());
            generatedResult.failures().forEach(f -> out.println("  " + f));
        }
        out.println(suite.passed() + " passed, " + suite.failed() + " failed");
        return suite.failed() == 0 && coverageOk && generatedOk ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static String line(ScenarioResult r) {
        return (r.passed() ? "PASS " : "FAIL ") + r.id() + (r.passed() ? "" : ": " + String.join("; ", r.failures()));
    }

    private void writeReports(SuiteResult suite, List<Scenario> loaded) {
        write(report, HtmlReport.render(suite, loaded));
        write(junit, JunitXmlReport.render(suite));
    }

    static List<Scenario> loadScenarios(String option) {
        Optional<Path> folder = RuleSourceLocator.scenariosFolder(option == null ? null : Path.of(option));
        try {
            List<Scenario> loaded = folder.map(ScenarioLoader::fromDirectory)
                    .orElseGet(() -> ScenarioLoader.fromClasspath(RuleSourceLocator.EMBEDDED_SCENARIOS));
            if (loaded.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "no scenario files (*.yaml) in " + folder.map(Path::toString).orElse("the embedded suite"));
            }
            return loaded;
        } catch (ScenarioFormatException e) {
            throw new CliException(ExitCodes.USAGE, "malformed scenario file(s):\n  " + String.join("\n  ", e.problems()));
        }
    }

    static double parseCoverage(String value) {
        if (value == null) {
            return 0.0;
        }
        try {
            double d = Double.parseDouble(value.replace("%", ""));
            if (d < 0 || d > 100 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "--min-coverage must be a percentage between 0 and 100, not '" + value + "'");
        }
    }

    private void write(Path file, String content) {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
            err.println("wrote " + file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
