package org.hccguidance.explain;

import org.hccguidance.engine.EvaluationObserver;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.engine.RuleSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaGroupPoppedEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records one evaluation for its explanation, from the engine's event listeners: each rule that fired
 * with the facts it matched and the values it bound, what each firing inserted, what truth maintenance
 * withdrew, and which facts were in working memory when each phase ended (a rule that did not fire is
 * judged against what its own phase saw, not against facts later phases added). Nothing here is logged.
 */
final class FiringRecorder {

    /** One rule firing. {@code objects} are the facts of its positive patterns, in pattern order. */
    record Firing(int seq, RuleRef ref, String packageName, String ruleName, List<Object> objects,
                  Map<String, Object> declarations, List<Object> inserted) {
    }

    private final RuleSet ruleSet;
    private final List<Firing> firings = new ArrayList<>();
    private final Map<Object, Firing> insertedBy = new IdentityHashMap<>();
    private final Set<Object> withdrawn = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Object, Boolean> live = new IdentityHashMap<>();
    private final List<Object> liveOrder = new ArrayList<>();
    private final Map<String, List<Object>> phaseEnd = new LinkedHashMap<>();
    private Firing current;

    FiringRecorder(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    EvaluationObserver observer() {
        return new EvaluationObserver(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                Match m = event.getMatch();
                Map<String, Object> declarations = new HashMap<>();
                for (String id : m.getDeclarationIds()) {
                    declarations.put(id, m.getDeclarationValue(id));
                }
                List<Object> objects = new ArrayList<>();
                for (Object o : m.getObjects()) {
                    if (o != null) {
                        objects.add(o);
                    }
                }
                current = new Firing(firings.size() + 1, ruleSet.refOf(m.getRule()), m.getRule().getPackageName(),
                        m.getRule().getName(), List.copyOf(objects), declarations, new ArrayList<>());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                if (current != null) {
                    firings.add(current);
                }
                current = null;
            }

            @Override
            public void agendaGroupPopped(AgendaGroupPoppedEvent event) {
                phaseEnd.put(event.getAgendaGroup().getName(), liveFacts());
            }
        }, new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Object fact = event.getObject();
                if (live.put(fact, Boolean.TRUE) == null) {
                    liveOrder.add(fact);
                }
                if (current != null && event.getRule() != null) {
                    current.inserted().add(fact);
                    insertedBy.put(fact, current);
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                Object fact = event.getOldObject();
                if (live.remove(fact) != null) {
                    liveOrder.removeIf(o -> o == fact);
                }
                withdrawn.add(fact);
            }
        });
    }

    private List<Object> liveFacts() {
        return List.copyOf(liveOrder);
    }

    List<Firing> firings() {
        return firings;
    }

    /** The firing that inserted a fact, or null for the patient's facts and reference data. */
    Firing insertedBy(Object fact) {
        return insertedBy.get(fact);
    }

    boolean wasWithdrawn(Object fact) {
        return withdrawn.contains(fact);
    }

    /** The facts in working memory when a phase ended; the final ones when the phase was not seen ending. */
    List<Object> factsAtEndOf(String phase) {
        List<Object> snapshot = phase == null ? null : phaseEnd.get(phase);
        return snapshot != null ? snapshot : liveFacts();
    }

    List<Object> finalFacts() {
        return liveFacts();
    }
}
