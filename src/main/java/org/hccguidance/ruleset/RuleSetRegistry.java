package org.hccguidance.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import org.hccguidance.engine.BuildError;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.engine.RuleSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the one rule set that serves requests. A reload compiles a candidate off to the side, gates
 * it (no build errors; every scenario passes when required), and only then swaps it in with one
 * atomic write; evaluations already running finish on the snapshot they hold. The replaced module is
 * released once no evaluation can still be using it (after several time budgets).
 */
public class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);
    private static final int STORED_VERSION_CACHE = 4;

    private final Supplier<RuleSources> sourceReader;
    private final RuleSetCompiler compiler;
    private final RuleSetArchive archive;
    private final ScenarioGate gate;
    private final boolean requireScenarios;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration releaseDelay;
    private final Duration gateTimeout;
    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();
    /** The last refused candidate's report and the files it was built from (for its impact), as one snapshot. */
    private volatile Refused lastRefused;

    private record Refused(CandidateReport report, RuleSources sources) {
    }
    private volatile CandidateImpact impact;
    private volatile String startupNote;
    private final Map<String, RuleSet> storedVersions = new LinkedHashMap<>(8, 0.75f, true);
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruleset-release");
        t.setDaemon(true);
        return t;
    });

    public RuleSetRegistry(Supplier<RuleSources> sourceReader, RuleSetCompiler compiler, RuleSetArchive archive,
                           ScenarioGate gate, boolean requireScenarios, EvaluationLimits limits,
                           MeterRegistry meters, Clock clock) {
        this(sourceReader, compiler, archive, gate, requireScenarios, limits, meters, clock, DEFAULT_GATE_TIMEOUT);
    }

    public static final Duration DEFAULT_GATE_TIMEOUT = Duration.ofSeconds(120);

    public RuleSetRegistry(Supplier<RuleSources> sourceReader, RuleSetCompiler compiler, RuleSetArchive archive,
                           ScenarioGate gate, boolean requireScenarios, EvaluationLimits limits,
                           MeterRegistry meters, Clock clock, Duration gateTimeout) {
        this.gateTimeout = gateTimeout;
        this.sourceReader = sourceReader;
        this.compiler = compiler;
        this.archive = archive;
        this.gate = gate;
        this.requireScenarios = requireScenarios;
        this.meters = meters;
        this.clock = clock;
        this.releaseDelay = limits.timeBudget().multipliedBy(5).plusSeconds(1);
    }

    /**
     * Runs {@link #start()} on its own thread so that the rest of the application starts alongside
     * the rule build; {@link #awaitStart()} waits for it.
     */
    public void startInBackground() {
        Thread t = new Thread(this::start, "ruleset-startup");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until the start-up load has finished, whether it activated a rule set or not. */
    public void awaitStart() {
        started.join();
    }

    /** Loads the rule folder at start; when it is refused, serves the last version that was live. */
    public void start() {
        try {
            load();
            started.complete(null);
        } catch (RuntimeException | Error e) {
            started.completeExceptionally(e);
            throw e;
        }
    }

    private void load() {
        ReloadOutcome outcome = reload("startup");
        if (outcome.status() == ReloadOutcome.Status.REFUSED && active.get() == null) {
            Optional<Activation> last = archive.lastActivation();
            if (last.isPresent()) {
                Optional<RuleSources> stored = archive.sources(last.get().version());
                if (stored.isPresent()) {
                    try {
                        RuleSet ruleSet = bounded(last.get().version(), () -> compiler.compile(stored.get()));
                        active.set(ruleSet);
                        startupNote = "the rule folder was refused at start; serving the last activated version "
                                + ruleSet.version() + " from the archive";
                        log.warn("{}", startupNote);
                        return;
                    } catch (RuleSetRefusedException e) {
                        log.error("the archived version {} no longer compiles either", last.get().version());
                    }
                }
            }
            startupNote = "no valid rule set is loaded: the rule folder was refused and no archived version exists";
            log.error("{}", startupNote);
        }
    }

    public Optional<RuleSet> active() {
        return Optional.ofNullable(active.get());
    }

    public Optional<CandidateReport> lastRefused() {
        return Optional.ofNullable(lastRefused).map(Refused::report);
    }

    /** The files of the last refused candidate, while it is the pending one; empty when none is pending. */
    public Optional<RuleSources> lastRefusedSources() {
        return Optional.ofNullable(lastRefused).map(Refused::sources);
    }

    /**
     * Makes every later reload report how many scenario patients' guidance its candidate changes. Set once
     * at wiring time; the measurement depends on the scenario suite, which depends on this registry's beans.
     */
    public void measureImpactWith(CandidateImpact impact) {
        this.impact = impact;
    }

    public Optional<String> startupNote() {
        return Optional.ofNullable(startupNote);
    }

    public List<Activation> history() {
        return archive.history();
    }

    /** Reads the rule folder again and activates it if it passes the gate. */
    public synchronized ReloadOutcome reload(String trigger) {
        RuleSources sources;
        try {
            sources = sourceReader.get();
        } catch (RuntimeException e) {
            return refuse("unreadable", null, trigger, List.of(BuildError.atLine("(rule folder)", null, e.getMessage())),
                    List.of(), null);
        }
        RuleSet current = active.get();
        String version = sources.version();
        if (current != null && current.version().equals(version)) {
            // The folder is back to what is live, so no refused candidate is pending any more.
            lastRefused = null;
            count("unchanged");
            return new ReloadOutcome(ReloadOutcome.Status.UNCHANGED, version, version, List.of(), List.of(), null);
        }
        Gated gated;
        try {
            gated = bounded(version, () -> gate(sources));
        } catch (RuleSetRefusedException e) {
            return refuse(version, sources, trigger, e.errors(), List.of(), null);
        }
        RuleSet candidate = gated.candidate();
        if (!gated.failing().isEmpty()) {
            candidate.release();
            return refuse(version, sources, trigger, List.of(), gated.failing(), gated.patientsChanged());
        }
        archive.record(candidate, new Activation(candidate.version(), clock.instant(), trigger, candidate.source(),
                candidate.files(), candidate.ruleCount(), gated.patientsChanged()));
        RuleSet previous = active.getAndSet(candidate);
        lastRefused = null;
        startupNote = null;
        count("activated");
        log.info("rule set {} activated by {} ({} rules from {}; compiled in {} ms, scenario gate {} ms)",
                candidate.version(), trigger, candidate.ruleCount(), candidate.source(),
                gated.compileMillis(), requireScenarios && gate != null ? gated.gateMillis() : "off");
        if (previous != null) {
            releaser.schedule(previous::release, releaseDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new ReloadOutcome(ReloadOutcome.Status.ACTIVATED, version, version, List.of(), List.of(),
                gated.patientsChanged());
    }

    private record Gated(RuleSet candidate, List<String> failing, Integer patientsChanged, long compileMillis,
                         long gateMillis) {
    }

    /** Compiles a candidate and runs the scenario gate on it; throws when it does not compile. */
    private Gated gate(RuleSources sources) {
        long compileStarted = System.nanoTime();
        RuleSet candidate = compiler.compile(sources);
        long gateStarted = System.nanoTime();
        try {
            List<String> failing = requireScenarios && gate != null ? gate.failures(candidate) : List.of();
            Integer patientsChanged = measureImpact(candidate);
            if (Thread.currentThread().isInterrupted()) {
                // Timed out meanwhile: nobody will take this candidate; the catch below releases it, once.
                throw new IllegalStateException("candidate abandoned after its time limit");
            }
            return new Gated(candidate, failing, patientsChanged, (gateStarted - compileStarted) / 1_000_000,
                    (System.nanoTime() - gateStarted) / 1_000_000);
        } catch (RuntimeException | Error e) {
            candidate.release();
            throw e;
        }
    }

    private static void releaseFinished(java.util.concurrent.FutureTask<?> task) {
        try {
            Object done = task.get();
            if (done instanceof Gated g) {
                g.candidate().release();
            } else if (done instanceof RuleSet rs) {
                rs.release();
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            // It failed or was cancelled: there is nothing to release.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Null when nothing is live to compare with, no measurement is wired, or the scenarios cannot be read. */
    private Integer measureImpact(RuleSet candidate) {
        RuleSet live = active.get();
        CandidateImpact measure = impact;
        if (live == null || measure == null) {
            return null;
        }
        try {
            return measure.scenarioPatientsChanged(live, candidate);
        } catch (RuntimeException e) {
            // The gate has already judged the candidate; a report without the count is better than no reload.
            log.warn("could not measure the candidate's impact on the scenario patients: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Runs a candidate's build and gate on a thread of its own, for at most {@code gateTimeout}. A candidate
     * that does not finish is refused; its thread is left to end on its own (Java cannot stop it) and is a
     * daemon, so it never holds the service up. Nothing is live from it, so it can change nothing.
     */
    private <T> T bounded(String version, java.util.concurrent.Callable<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = new Thread(task, "ruleset-candidate-" + version.substring(7, Math.min(19, version.length())));
        t.setDaemon(true);
        t.start();
        try {
            return task.get(gateTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            if (!task.cancel(true)) {
                // It finished just as it timed out: nobody takes the result, so it must not stay in the KieRepository.
                releaseFinished(task);
            }
            log.error("rule set candidate {} did not finish its build and scenario gate within {} s; refused",
                    version, gateTimeout.toSeconds());
            throw new RuleSetRefusedException(version, List.of(BuildError.atLine("(rule set)", null,
                    "the candidate did not finish its build and scenario gate within " + gateTimeout.toSeconds()
                            + " s (a rule that runs away?); refused")));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuleSetRefusedException refused) {
                throw refused;
            }
            String what = e.getCause() == null ? "unknown failure" : e.getCause().getClass().getSimpleName();
            log.error("rule set candidate {} failed in its build or gate with {}", version, what);
            throw new RuleSetRefusedException(version, List.of(BuildError.atLine("(rule set)", null,
                    "the candidate failed in its build or scenario gate with " + what)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new RuleSetRefusedException(version, List.of(BuildError.atLine("(rule set)", null,
                    "interrupted while building the candidate")));
        }
    }

    /** The files of a version that was live here (the live one, or from the archive), without compiling them. */
    public Optional<RuleSources> storedSources(String version) {
        RuleSet current = active.get();
        if (current != null && current.version().equals(version)) {
            return Optional.of(current.sources());
        }
        return archive.sources(version);
    }

    /** A stored version for re-evaluation; compiled on first use and kept in a small cache. */
    public synchronized Optional<RuleSet> storedVersion(String version) {
        RuleSet current = active.get();
        if (current != null && current.version().equals(version)) {
            return Optional.of(current);
        }
        RuleSet cached = storedVersions.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RuleSources> sources = archive.sources(version);
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        RuleSet compiled = compiler.compile(sources.get());
        storedVersions.put(version, compiled);
        if (storedVersions.size() > STORED_VERSION_CACHE) {
            var eldest = storedVersions.entrySet().iterator().next();
            storedVersions.remove(eldest.getKey());
            RuleSet evicted = eldest.getValue();
            releaser.schedule(evicted::release, releaseDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return Optional.of(compiled);
    }

    /** Compiles any folder as a candidate without activating it (for scenario runs). */
    public RuleSet compileCandidate(Path folder) {
        return compiler.compile(RuleSources.fromDirectory(folder));
    }

    private ReloadOutcome refuse(String version, RuleSources sources, String trigger, List<BuildError> errors,
                                 List<String> failing, Integer patientsChanged) {
        CandidateReport report = new CandidateReport(version, clock.instant(), trigger, errors, failing, patientsChanged);
        lastRefused = new Refused(report, sources);
        count("refused");
        log.warn("rule set candidate {} ({}) refused: {} build error(s), {} failing scenario(s){}", version, trigger,
                errors.size(), failing.size(), failing.isEmpty() ? "" : ": " + String.join("; ", failing));
        RuleSet current = active.get();
        return new ReloadOutcome(ReloadOutcome.Status.REFUSED, version, current == null ? null : current.version(),
                errors, failing, patientsChanged);
    }

    private void count(String outcome) {
        if (meters != null) {
            meters.counter("guidance.ruleset.reloads", "outcome", outcome).increment();
        }
    }

    public void shutdown() {
        releaser.shutdownNow();
    }
}
