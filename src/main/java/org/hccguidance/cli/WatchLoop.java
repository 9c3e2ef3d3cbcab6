package org.hccguidance.cli;

import org.hccguidance.engine.BuildError;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleFile;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.ruleset.RuleFolderWatcher;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioFormatException;
import org.hccguidance.scenario.ScenarioLoader;
import org.hccguidance.scenario.ScenarioRunner;
import org.hccguidance.scenario.SuiteResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * {@code validate --watch}: one JVM that stays up, watches the rule and scenario folders, and after each
 * save rebuilds what changed and re-runs the suite, printing only what is different from the run before.
 * The JVM, its loaded and compiled engine classes, and the compiled rule set when only scenarios changed,
 * are reused: that is what makes a re-run take about a second instead of a cold start's fifteen or more.
 * A refused rule set or a malformed scenario file is reported and the loop waits for the fix.
 * Enter re-runs everything and prints every failure; q (or quit) stops with the last run's exit code.
 */
final class WatchLoop {

    /** Writes the reports (HTML, JUnit) after each run, as a single {@code validate} would. */
    interface Reports {
        void write(SuiteResult suite, List<Scenario> scenarios);
    }

    /**
     * Compile-and-run rounds done in the background after the first run, while the author reads it: the JIT
     * compiles the rule compiler and the engine during these, so that the first save after start-up is
     * already fast (measured: a round takes several seconds cold and well under one once warm).
     */
    private static final int WARM_UP_ROUNDS = 2;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String CHANGE = "change";
    private static final String RERUN = "rerun";
    private static final String QUIT = "quit";

    private final Path rules;
    private final Optional<Path> scenarioFolder;
    private final double minCoverage;
    private final PrintStream out;
    private final Reports reports;
    private final Duration debounce;
    private final ScenarioRunner runner = new ScenarioRunner(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private Map<String, String> ruleHashes = Map.of();
    private Map<String, String> scenarioHashes = Map.of();
    private RuleSet compiled;
    private List<Scenario> scenarios;
    private SuiteResult last;
    private List<BuildError> refusal;
    private int exitCode = ExitCodes.OK;
    private final java.util.concurrent.atomic.AtomicInteger cycles = new java.util.concurrent.atomic.AtomicInteger();

    WatchLoop(Path rules, Optional<Path> scenarioFolder, double minCoverage, PrintStream out, Reports reports, Duration debounce) {
        this.rules = rules;
        this.scenarioFolder = scenarioFolder;
        this.minCoverage = minCoverage;
        this.out = out;
        this.reports = reports;
        this.debounce = debounce;
    }

    int run(InputStream keys) {
        Optional<Path> watchedScenarios = scenarioFolder.filter(Files::isDirectory).filter(s -> !s.startsWith(rules));
        try (RuleFolderWatcher ruleWatch = new RuleFolderWatcher(rules, debounce, () -> events.offer(CHANGE));
             RuleFolderWatcher scenarioWatch = watchedScenarios
                     .map(s -> new RuleFolderWatcher(s, debounce, () -> events.offer(CHANGE))).orElse(null)) {
            readKeys(keys);
            cycle(true);
            warmUp();
            out.println("watching " + rules + watchedScenarios.map(s -> " and " + s).orElse("")
                    + " for changes; Enter re-runs everything, q quits");
            while (true) {
                List<String> batch = new ArrayList<>();
                batch.add(events.take());
                events.drainTo(batch);
                if (batch.contains(QUIT)) {
                    break;
                }
                cycle(batch.contains(RERUN));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (compiled != null) {
                compiled.release();
            }
        }
        return exitCode;
    }

    private void readKeys(InputStream keys) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(keys, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String l = line.trim();
                    events.offer(l.equals("q") || l.equals("quit") ? QUIT : RERUN);
                }
            } catch (IOException e) {
                // no keyboard: the loop runs on file changes alone
            }
        }, "validate-watch-keys");
        t.setDaemon(true);
        t.start();
    }

    /** Background rounds that stop as soon as the author saves something: the real run always comes first. */
    private void warmUp() {
        if (compiled == null || scenarios == null) {
            return;
        }
        int at = cycles.get();
        List<Scenario> sample = List.copyOf(scenarios);
        Thread t = new Thread(() -> {
            for (int i = 0; i < WARM_UP_ROUNDS && cycles.get() == at; i++) {
                try {
                    RuleSet copy = new RuleSetCompiler().compile(RuleSourceLocator.read(Optional.of(rules)));
                    try {
                        if (cycles.get() == at) {
                            runner.run(copy, sample);
                        }
                    } finally {
                        copy.release();
                    }
                } catch (RuntimeException e) {
                    return;   // a half-saved file; the real cycle reports it
                }
            }
        }, "validate-watch-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** One rebuild and re-run; {@code full} prints every failure, not only what changed. */
    private void cycle(boolean full) {
        cycles.incrementAndGet();
        long start = System.nanoTime();
        RuleSources sources;
        Map<String, String> scenarioTexts;
        try {
            sources = RuleSourceLocator.read(Optional.of(rules));
            scenarioTexts = scenarioFolder.filter(Files::isDirectory).map(WatchLoop::readScenarioFiles).orElse(Map.of());
        } catch (UncheckedIOException e) {
            out.println(stamp() + "cannot read the folders: " + e.getMessage());
            return;
        }
        Map<String, String> hashes = hashes(sources);
        List<String> changed = changes(ruleHashes, hashes);
        changed.addAll(changes(scenarioHashes, scenarioTexts).stream().map(p -> "scenarios/" + p).toList());
        boolean rulesChanged = compiled == null || !hashes.equals(ruleHashes) || refusal != null;
        boolean scenariosChanged = scenarios == null || !scenarioTexts.equals(scenarioHashes);
        if (!full && !rulesChanged && !scenariosChanged) {
            return;   // a save that changed nothing (an editor touching the file)
        }
        ruleHashes = hashes;
        scenarioHashes = scenarioTexts;
        String what = last == null ? "first run" : changed.isEmpty() ? "re-run" : String.join(", ", changed) + " changed";

        String build;
        if (rulesChanged) {
            long t = System.nanoTime();
            try {
                RuleSet next = new RuleSetCompiler().compile(sources);
                if (compiled != null) {
                    compiled.release();
                }
                compiled = next;
                if (refusal != null) {
                    out.println(stamp() + "rules accepted again");
                }
                refusal = null;
            } catch (RuleSetRefusedException e) {
                if (!e.errors().equals(refusal)) {
                    out.println(stamp() + what + ": rules refused (" + e.errors().size() + " error(s)); still watching");
                    e.errors().forEach(err -> out.println("  " + err));
                }
                refusal = e.errors();
                exitCode = ExitCodes.RULES_REFUSED;
                return;
            }
            build = "rebuilt in " + millis(t);
        } else {
            build = "rules unchanged (compiled set reused)";
        }
        if (scenariosChanged || scenarios == null) {
            try {
                scenarios = scenarioFolder.isPresent() ? ScenarioLoader.fromDirectory(scenarioFolder.get())
                        : ValidateCommand.loadScenarios(null);
            } catch (ScenarioFormatException e) {
                out.println(stamp() + what + ": malformed scenario file(s); still watching");
                e.problems().forEach(p -> out.println("  " + p));
                scenarios = null;
                exitCode = ExitCodes.USAGE;
                return;
            }
        }
        long t = System.nanoTime();
        SuiteResult suite = runner.run(compiled, scenarios);
        String ran = suite.scenarios().size() + " scenarios run in " + millis(t);
        out.println(stamp() + what + ": " + build + ", " + ran + " (" + millis(start) + " in all)");
        if (last == null || full) {
            suite.failures().forEach(r -> out.println("  " + ValidateCommand.line(r)));
            suite.coverage().unfired().forEach(r -> out.println("  not fired: " + r.file() + ": " + r.name()));
        } else {
            SuiteDiff diff = SuiteDiff.between(last, suite);
            if (diff.isEmpty()) {
                out.println("  no change in results");
            }
            diff.lines().forEach(out::println);
        }
        boolean coverageOk = suite.coverage().percent() >= minCoverage;
        out.printf("  = %d passed, %d failed; coverage %.1f%%%s%n", suite.passed(), suite.failed(), suite.coverage().percent(),
                coverageOk ? "" : String.format(" (below the minimum %.1f%%)", minCoverage));
        try {
            reports.write(suite, scenarios);
        } catch (CliException e) {
            out.println("  " + e.getMessage());
        }
        last = suite;
        exitCode = suite.failed() == 0 && coverageOk ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String stamp() {
        return "[" + LocalTime.now().format(CLOCK) + "] ";
    }

    private static String millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }

    private static Map<String, String> hashes(RuleSources sources) {
        Map<String, String> out = new TreeMap<>();
        for (RuleFile f : sources.files()) {
            out.put(f.path(), sha(f.content()));
        }
        return out;
    }

    private static Map<String, String> readScenarioFiles(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
            }).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), sha(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario folder " + dir, e);
        }
        return out;
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String a = before.get(p);
            String b = after.get(p);
            if (a == null) {
                out.add(p + " (new)");
            } else if (b == null) {
                out.add(p + " (deleted)");
            } else if (!a.equals(b)) {
                out.add(p);
            }
        }
        // On the first run everything is new; naming every file would say nothing.
        return before.isEmpty() ? new ArrayList<>() : out;
    }

    private static String sha(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
