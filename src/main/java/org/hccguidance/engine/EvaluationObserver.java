package org.hccguidance.engine;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Extra listeners that watch one evaluation from outside the engine (explanations): they see each
 * match fired, each fact inserted or withdrawn and each phase ending. They run after the engine's own
 * audit and limit listeners, so the limits hold for an observed evaluation exactly as for any other.
 * Either may be null.
 */
public record EvaluationObserver(AgendaEventListener agenda, RuleRuntimeEventListener facts) {
}
