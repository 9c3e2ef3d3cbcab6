package org.hccguidance.cli;

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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate}: the committee's sign-off run of any rule folder against any scenario folder,
 * without Maven. Exit 0 only when every scenario passes and coverage reaches the minimum.
 */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argList) {
        CliArgs args = CliArgs.parse(argList, Set.of("rules", "scenarios", "report", "junit", "min-coverage"));
        if (!args.positional().isEmpty()) {
            throw new CliException(2, "validate takes no positional arguments\n" + Cli.usage());
        }
        double minCoverage = parseCoverage(args.option("min-coverage"));
        List<Scenario> scenarios = loadScenarios(args.option("scenarios"));
        RuleSet ruleSet = RuleLoading.load(args.option("rules"));
        SuiteResult suite;
        try {
            suite = new ScenarioRunner(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC()).run(ruleSet, scenarios);
        } finally {
            ruleSet.release();
        }
        for (ScenarioResult r : suite.scenarios()) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.id() + (r.passed() ? "" : ": " + String.join("; ", r.failures())));
        }
        out.println();
        out.printf("Rule coverage: %.1f%% (%d of %d rules fired by at least one scenario; minimum %.1f%%)%n",
                suite.coverage().percent(), suite.coverage().firedRules(), suite.coverage().totalRules(), minCoverage);
        for (RuleRef r : suite.coverage().unfired()) {
            out.println("  not fired: " + r.file() + ": " + r.name());
        }
        write(args.option("report"), HtmlReport.render(suite, scenarios));
        write(args.option("junit"), JunitXmlReport.render(suite));
        for (String row : suite.coverage().uncitedEvidence()) {
            out.println("  evidence row no scenario cites: " + row);
        }
        boolean coverageOk = suite.coverage().percent() >= minCoverage;
        if (!coverageOk) {
            out.printf("Coverage %.1f%% is below the minimum %.1f%%%n", suite.coverage().percent(), minCoverage);
        }
        out.println(suite.passed() + " passed, " + suite.failed() + " failed");
        return suite.failed() == 0 && coverageOk ? 0 : 1;
    }

    static List<Scenario> loadScenarios(String option) {
        Optional<Path> folder = RuleSourceLocator.scenariosFolder(option == null ? null : Path.of(option));
        try {
            List<Scenario> scenarios = folder.map(ScenarioLoader::fromDirectory)
                    .orElseGet(() -> ScenarioLoader.fromClasspath(RuleSourceLocator.EMBEDDED_SCENARIOS));
            if (scenarios.isEmpty()) {
                throw new CliException(2, "no scenario files (*.yaml) in " + folder.map(Path::toString).orElse("the embedded suite"));
            }
            return scenarios;
        } catch (ScenarioFormatException e) {
            throw new CliException(2, "malformed scenario file(s):\n  " + String.join("\n  ", e.problems()));
        }
    }

    private static double parseCoverage(String value) {
        if (value == null) {
            return 0.0;
        }
        try {
            double d = Double.parseDouble(value.replace("%", ""));
            if (d < 0 || d > 100) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CliException(2, "--min-coverage must be a percentage between 0 and 100, not '" + value + "'");
        }
    }

    private void write(String file, String content) {
        if (file == null) {
            return;
        }
        try {
            Path p = Path.of(file);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.writeString(p, content, StandardCharsets.UTF_8);
            err.println("wrote " + p);
        } catch (IOException e) {
            throw new CliException(2, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
