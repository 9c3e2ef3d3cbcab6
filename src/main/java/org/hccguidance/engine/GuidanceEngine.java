package org.hccguidance.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires one rule set snapshot against one patient's facts, within {@link EvaluationLimits}. Each
 * evaluation borrows a session from the snapshot's pool and returns it reset; a session that hit a
 * limit or failed is destroyed instead, so evaluations share nothing mutable.
 *
 * <p>Limits are enforced by listeners that Drools calls between firings and during propagation (each
 * fact inserted, each match created), so a rule that multiplies facts is stopped while it does so,
 * not after. The time budget is the evaluating thread's CPU time; a wall-clock watchdog at ten times
 * the budget halts anything the listeners cannot see.
 */
public class GuidanceEngine {

    private static final Logger log = LoggerFactory.getLogger(GuidanceEngine.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();
    private static final int WALL_CLOCK_BACKSTOP = 10;
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    /** Cancelled budgets leave the queue at once; otherwise every evaluation's would wait out its full delay there. */
    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rule-time-budget");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private final EvaluationLimits limits;

    public GuidanceEngine(EvaluationLimits limits) {
        this.limits = limits;
    }

    public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
        return evaluate(ruleSet, facts, null);
    }

    /**
     * The same evaluation, watched by an observer's listeners as well (null for none). Used to explain a
     * result; the evaluation itself, its limits and its result are unchanged.
     */
    public Evaluation evaluate(RuleSet ruleSet, List<?> facts, EvaluationObserver observer) {
        long started = System.nanoTime();
        KieSession session = ruleSet.sessions().newKieSession();
        Guard guard = new Guard(ruleSet);
        boolean clean = false;
        AtomicBoolean halted = new AtomicBoolean();
        ScheduledFuture<?> backstop = WATCHDOG.schedule(() -> {
            halted.set(true);
            session.halt();
        }, limits.timeBudget().toMillis() * WALL_CLOCK_BACKSTOP, TimeUnit.MILLISECONDS);
        try {
            session.addEventListener(guard.insertions);
            session.addEventListener(guard.agenda);
            addObserver(session, observer);
            for (Object fact : ruleSet.reference().sessionFacts()) {
                session.insert(fact);
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            // The focus is a stack: the first phase is pushed last so that it runs first.
            for (int i = Phases.ORDER.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(Phases.ORDER.get(i)).setFocus();
            }
            int count = session.fireAllRules(limits.maxFirings());
            if (halted.get()) {
                throw guard.timeLimit();
            }
            if (count >= limits.maxFirings() && session.fireAllRules(1) > 0) {
                throw new RuleExecutionException(RuleExecutionException.Kind.FIRING_LIMIT, guard.lastFired(),
                        "evaluation exceeded the cap of " + limits.maxFirings()
                                + " rule firings (last rule fired: " + guard.lastFired() + ")");
            }
            List<Object> out = new ArrayList<>(session.getObjects());
            long micros = (System.nanoTime() - started) / 1_000;
            session.removeEventListener(guard.insertions);
            session.removeEventListener(guard.agenda);
            removeObserver(session, observer);
            clean = true;
            return Evaluation.of(ruleSet, out, guard.insertedBy, guard.fired, guard.firedRefs, micros);
        } catch (RuleExecutionException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // A limit tripped inside a listener arrives wrapped by Drools; anything else is the rule's own failure.
            LimitReached limit = limitIn(e);
            if (limit != null) {
                throw limit.toException();
            }
            String rule = guard.current != null ? guard.current : guard.lastFired();
            // Only the rule and the exception's type: the message may quote patient values.
            log.warn("rule \"{}\" failed with {}", rule, rootType(e));
            throw new RuleExecutionException(RuleExecutionException.Kind.RULE_ERROR, rule,
                    "rule \"" + rule + "\" failed with " + rootType(e));
        } finally {
            backstop.cancel(false);
            if (clean && !halted.get()) {
                session.dispose();   // back to the pool, reset
            } else {
                session.destroy();   // a halted or failed session is never reused
            }
        }
    }

    private static void addObserver(KieSession session, EvaluationObserver observer) {
        if (observer != null && observer.agenda() != null) {
            session.addEventListener(observer.agenda());
        }
        if (observer != null && observer.facts() != null) {
            session.addEventListener(observer.facts());
        }
    }

    /** A pooled session goes back reset, and must not carry an observer into someone else's evaluation. */
    private static void removeObserver(KieSession session, EvaluationObserver observer) {
        if (observer != null && observer.agenda() != null) {
            session.removeEventListener(observer.agenda());
        }
        if (observer != null && observer.facts() != null) {
            session.removeEventListener(observer.facts());
        }
    }

    private static LimitReached limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LimitReached l) {
                return l;
            }
        }
        return null;
    }

    static String rootType(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private static long cpuNanos() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Thrown from a listener to stop the engine where it stands; carried out of Drools' wrappers. */
    private static final class LimitReached extends RuntimeException {

        private final RuleExecutionException.Kind kind;
        private final String rule;

        LimitReached(RuleExecutionException.Kind kind, String rule, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.rule = rule;
        }

        RuleExecutionException toException() {
            return new RuleExecutionException(kind, rule, getMessage());
        }
    }

    /** The listeners of one evaluation: audit (who inserted what, what fired) and the limits. */
    private final class Guard {

        final RuleSet ruleSet;
        final Map<Object, String> insertedBy = new IdentityHashMap<>();
        final List<String> fired = new ArrayList<>();
        final List<RuleRef> firedRefs = new ArrayList<>();
        final long wallStart = System.nanoTime();
        final long cpuStart = cpuNanos();
        final long cpuBudget = limits.timeBudget().toNanos();
        int facts;
        int matches;
        String current;

        Guard(RuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }

        final DefaultRuleRuntimeEventListener insertions = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                String rule = event.getRule() == null ? null : event.getRule().getName();
                if (rule != null) {
                    insertedBy.put(event.getObject(), rule);
                }
                if (++facts > limits.maxFacts()) {
                    throw new LimitReached(RuleExecutionException.Kind.FACT_LIMIT, rule,
                            "evaluation exceeded the cap of " + limits.maxFacts() + " facts"
                                    + (rule == null ? "" : " (rule inserting: " + rule + ")"));
                }
                checkTime(rule);
            }
        };

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void matchCreated(MatchCreatedEvent event) {
                if (++matches > limits.maxMatches()) {
                    String rule = event.getMatch().getRule().getName();
                    throw new LimitReached(RuleExecutionException.Kind.MATCH_LIMIT, rule,
                            "evaluation exceeded the cap of " + limits.maxMatches() + " rule matches (rule matching: "
                                    + rule + ")");
                }
                checkTime(event.getMatch().getRule().getName());
            }

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch().getRule().getName();
                checkTime(current);
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                var rule = event.getMatch().getRule();
                fired.add(rule.getName());
                current = null;
                RuleRef ref = ruleSet.refOf(rule);
                if (ref != null) {
                    firedRefs.add(ref);
                }
            }
        };

        /**
         * A thread cannot use more CPU time than wall-clock time has passed, so the thread's CPU clock is read
         * only once the wall clock has passed the budget: reading it costs about 0.6 us on a virtual machine
         * (System.nanoTime about 0.03 us), and the listeners check at every fact and match, hundreds of times
         * per evaluation. The limit trips exactly when it did before.
         */
        void checkTime(String rule) {
            if (System.nanoTime() - wallStart > cpuBudget && cpuNanos() - cpuStart > cpuBudget) {
                throw timeLimitReached(rule);
            }
        }

        LimitReached timeLimitReached(String rule) {
            String who = rule != null ? rule : lastFired();
            return new LimitReached(RuleExecutionException.Kind.TIME_LIMIT, who,
                    "evaluation exceeded its time budget of " + limits.timeBudget().toMillis() + " ms of CPU time (rule: " + who + ")");
        }

        RuleExecutionException timeLimit() {
            return timeLimitReached(current).toException();
        }

        String lastFired() {
            return fired.isEmpty() ? "none" : fired.get(fired.size() - 1);
        }
    }
}
