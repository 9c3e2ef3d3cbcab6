package org.hccguidance.engine;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation left in working memory, which rule inserted each fact, and which rules fired
 * in order.
 */
public record Evaluation(RuleSet ruleSet, List<Object> facts, Map<Object, String> insertedBy,
                         List<String> firedRules, List<RuleRef> firedRuleRefs, long engineMicros,
                         Map<Class<?>, List<Object>> byClass) {

    /**
     * The engine hands over collections it no longer touches; they are wrapped, not copied, and the facts
     * are grouped by class once so that reading the result does not rescan working memory per type.
     */
    public static Evaluation of(RuleSet ruleSet, List<Object> facts, Map<Object, String> insertedBy,
                                List<String> firedRules, List<RuleRef> firedRuleRefs, long engineMicros) {
        return new Evaluation(ruleSet, java.util.Collections.unmodifiableList(facts),
                java.util.Collections.unmodifiableMap(insertedBy), java.util.Collections.unmodifiableList(firedRules),
                java.util.Collections.unmodifiableList(firedRuleRefs), engineMicros, groupByClass(facts));
    }

    /** Facts of one type (records are final, so the exact class is the type), in working-memory order. */
    @SuppressWarnings("unchecked")
    public <T> List<T> factsOf(Class<T> type) {
        List<Object> exact = byClass.get(type);
        if (exact != null || java.lang.reflect.Modifier.isFinal(type.getModifiers())) {
            return exact == null ? List.of() : (List<T>) exact;
        }
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<Class<?>, List<Object>> groupByClass(List<Object> facts) {
        Map<Class<?>, List<Object>> out = new java.util.HashMap<>();
        for (Object f : facts) {
            out.computeIfAbsent(f.getClass(), k -> new java.util.ArrayList<>()).add(f);
        }
        out.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The rule that inserted a fact in this evaluation (null for the patient's own facts and reference data). */
    public String ruleThatInserted(Object fact) {
        return insertedBy.get(fact);
    }
}
