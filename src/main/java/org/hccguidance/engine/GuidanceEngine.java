package org.hccguidance.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

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
 * Fires one rule set snapshot against one patient's facts. Each evaluation gets its own session
 * from the shared KieBase and disposes it at the end, so evaluations share nothing mutable.
 */
public class GuidanceEngine {

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

    public EvaluationLimits limits() {
        return limits;
    }

    public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
        return run(ruleSet, facts, false);
    }

    /** Fires the rule set with no patient, the catalogue group first: how a build reads its reference data. */
    Evaluation probe(RuleSet ruleSet) {
        return run(ruleSet, List.of(), true);
    }

    private Evaluation run(RuleSet ruleSet, List<?> facts, boolean catalogue) {
        long started = System.nanoTime();
        KieSession session = ruleSet.sessions().newKieSession();
        boolean clean = false;
        Map<Object, String> insertedBy = new IdentityHashMap<>();
        List<String> fired = new ArrayList<>();
        List<RuleRef> firedRefs = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, limits.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        DefaultRuleRuntimeEventListener insertions;
        DefaultAgendaEventListener firings;
        try {
            insertions = new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedBy.put(event.getObject(), event.getRule().getName());
                    }
                }
            };
            firings = new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    var rule = event.getMatch().getRule();
                    fired.add(rule.getName());
                    RuleRef ref = ruleSet.refOf(rule);
                    if (ref != null) {
                        firedRefs.add(ref);
                    }
                }
            };
            session.addEventListener(insertions);
            session.addEventListener(firings);
            var catalogueGroup = catalogue ? session.getAgenda().getAgendaGroup(RuleSet.CATALOGUE_GROUP) : null;
            if (catalogueGroup != null) {
                catalogueGroup.setFocus();
            }
            for (Object fact : ruleSet.catalogueFacts()) {
                session.insert(fact);
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            int count = session.fireAllRules(limits.maxFirings());
            if (timedOut.get()) {
                throw new RuleExecutionException(RuleExecutionException.Kind.TIME_LIMIT, lastOf(fired),
                        "evaluation exceeded its time budget of " + limits.timeBudget().toMillis()
                                + " ms (last rule fired: " + lastOf(fired) + ")");
            }
            if (count >= limits.maxFirings() && session.fireAllRules(1) > 0) {
                throw new RuleExecutionException(RuleExecutionException.Kind.FIRING_LIMIT, lastOf(fired),
                        "evaluation exceeded the cap of " + limits.maxFirings()
                                + " rule firings (last rule fired: " + lastOf(fired) + ")");
            }
            List<Object> out = new ArrayList<>(session.getObjects());
            long micros = (System.nanoTime() - started) / 1_000;
            session.removeEventListener(insertions);
            session.removeEventListener(firings);
            clean = true;
            return Evaluation.of(ruleSet, out, insertedBy, fired, firedRefs, micros);
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            throw new RuleExecutionException(RuleExecutionException.Kind.RULE_ERROR, rule,
                    "rule \"" + rule + "\" failed: " + RuleSetCompiler.rootMessage(e));
        } finally {
            watchdog.cancel(false);
            if (clean && !timedOut.get()) {
                session.dispose();   // back to the pool, reset
            } else {
                session.destroy();   // a halted or failed session is never reused
            }
        }
    }

    private static String lastOf(List<String> fired) {
        return fired.isEmpty() ? "none" : fired.get(fired.size() - 1);
    }
}
