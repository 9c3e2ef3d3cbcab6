package org.hccguidance.engine;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation left in working memory, which rule inserted each fact, and which rules fired
 * in order.
 */
public record Evaluation(RuleSet ruleSet, List<Object> facts, Map<Object, String> insertedBy,
                         List<String> firedRules, List<RuleRef> firedRuleRefs, long engineMicros) {

    public Evaluation {
        facts = List.copyOf(facts);
        insertedBy = new IdentityHashMap<>(insertedBy);
        firedRules = List.copyOf(firedRules);
        firedRuleRefs = List.copyOf(firedRuleRefs);
    }

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String ruleThatInserted(Object fact) {
        return insertedBy.get(fact);
    }
}
