package org.hccguidance.explain;

import org.hccguidance.explain.Explanation.Condition;
import org.hccguidance.explain.Explanation.NearMiss;
import org.hccguidance.explain.Explanation.RuleCitation;
import org.hccguidance.explain.Explanation.Step;

import java.util.Map;
import java.util.stream.Collectors;

/** Renders an explanation for a clinician or rule author reading a terminal. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static String render(Explanation x) {
        StringBuilder sb = new StringBuilder();
        sb.append(x.code()).append(": ").append(x.summary()).append('\n');
        if (!x.conclusions().isEmpty()) {
            sb.append("Concluded by step").append(x.conclusions().size() > 1 ? "s " : " ")
                    .append(x.conclusions().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append("; each step lists the conditions it matched and the steps it built on.\n");
        }
        if (!x.nearMisses().isEmpty()) {
            sb.append('\n').append(x.status() == Explanation.Status.ABSENT ? "Why no rule offered it (nearest first)\n"
                    : "Rules about it that did not fire (nearest first)\n");
            for (NearMiss n : x.nearMisses()) {
                sb.append("  - ").append(rule(n.rule())).append('\n');
                sb.append("      ").append(n.conditionsHeld()).append(" of ").append(n.conditions()).append(" conditions held");
                if (n.failedCondition() != null) {
                    sb.append("; failed: ").append(n.failedCondition()).append('\n');
                    sb.append("      because ").append(n.why()).append('\n');
                } else {
                    sb.append("; ").append(n.why()).append('\n');
                }
                if (n.rule().citation() != null) {
                    sb.append("      source: ").append(n.rule().citation()).append('\n');
                }
                for (String s : n.notChecked()) {
                    sb.append("      not checked here: ").append(s).append('\n');
                }
            }
        }
        if (!x.steps().isEmpty()) {
            sb.append("\nSteps\n");
        }
        for (Step s : x.steps()) {
            sb.append(String.format("[%d] %s%n", s.step(), rule(s.rule())));
            sb.append("    source: ").append(s.rule().citation() == null ? "(no comment above the rule cites one)" : s.rule().citation()).append('\n');
            for (String c : s.concluded()) {
                sb.append("    concluded: ").append(c).append('\n');
            }
            for (Condition c : s.conditions()) {
                sb.append("    ").append(c.held() ? "+ " : "- ").append(c.condition());
                String values = values(c.values());
                if (!values.isEmpty()) {
                    sb.append("   [").append(values).append(']');
                }
                if (c.origin() != null) {
                    sb.append("   <- ").append(c.fromStep() != null ? "[" + c.fromStep() + "]" : c.origin());
                }
                sb.append('\n');
                if (c.matched() != null) {
                    sb.append("        matched ").append(c.matched()).append('\n');
                }
            }
            for (Explanation.Computation c : s.computations()) {
                sb.append("    computed: ").append(c.call()).append(" = ").append(c.value()).append('\n');
                for (String t : c.terms()) {
                    sb.append("        ").append(t).append('\n');
                }
            }
        }
        if (!x.derived().isEmpty()) {
            sb.append("\nDerived values\n");
            for (Explanation.DerivedValue d : x.derived()) {
                sb.append("  ").append(d.fact()).append("   <- [").append(d.step()).append("]\n");
            }
        }
        sb.append("\nRule set ").append(x.rulesetVersion()).append('\n');
        return sb.toString();
    }

    private static String rule(RuleCitation r) {
        return "\"" + r.name() + "\"  " + r.location() + (r.phase() == null ? "" : " (" + r.phase() + ")");
    }

    private static String values(Map<String, String> values) {
        return String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
    }
}
