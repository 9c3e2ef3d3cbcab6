package org.hccguidance.engine;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation left in working memory, which rule inserted each fact, and which rules fired
 * in order.
 */
public record Evaluation(RuleSet ruleSet, List<Object> facts, Map<Object, String> insertedBy,
                         List<String> firedRules, List<RuleRef> firedRuleRefs, long engineMicros) {

    /** The engine hands over collections it no longer touches; they are wrapped, not copied. */
    public Evaluation {
        facts = java.util.Collections.unmodifiableList(facts);
        insertedBy = java.util.Collections.unmodifiableMap(insertedBy);
        firedRules = java.util.Collections.unmodifiableList(firedRules);
        firedRuleRefs = java.util.Collections.unmodifiableList(firedRuleRefs);
    }

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String ruleThatInserted(Object fact) {
        return insertedBy.get(fact);
    }
}
