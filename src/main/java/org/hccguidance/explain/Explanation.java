package org.hccguidance.explain;

import java.util.List;
import java.util.Map;

/**
 * Why one option code was recommended, ruled out, or never offered for one patient: the rules that
 * fired on the way (each with its file, line, phase and cited source, the facts it matched with the
 * values that decided, and the earlier steps those facts came from), the derived values, and for an
 * option not recommended the rules that would have offered it with the condition that failed.
 * It holds patient values: it goes to the caller only, and its {@link #toString()} shows none.
 *
 * @param steps       every rule firing on the chain, numbered; {@link Step#builtOn()} refers to these numbers
 * @param conclusions the steps that concluded something about the code itself
 * @param derived     the derived values (Child-Pugh, ALBI, BCLC) and the step that produced each
 * @param nearMisses  rules that conclude about the code but did not fire, nearest first
 */
public record Explanation(String code, Status status, String summary, List<Integer> conclusions, List<Step> steps,
                          List<DerivedValue> derived, List<NearMiss> nearMisses, String rulesetVersion) {

    /** Where the code ended up in the guidance. */
    public enum Status {
        RECOMMENDED, NOT_RECOMMENDED,
        /** Not an option, but some rule concluded about the code (an alert, for example). */
        CONCLUDED,
        /** No rule concluded anything about the code for this patient. */
        ABSENT
    }

    /** A rule, where to find it and what it cites as its source (null when it has no comment above it). */
    public record RuleCitation(String name, String file, Integer line, Integer row, String phase, String citation) {

        public String location() {
            if (row != null) {
                return file + " row " + row;
            }
            return line == null ? file : file + ":" + line;
        }
    }

    /** One rule firing: what it concluded, the conditions it matched, and the steps it built on. */
    public record Step(int step, RuleCitation rule, List<String> concluded, List<Condition> conditions,
                       List<Computation> computations, List<Integer> builtOn) {
    }

    /**
     * One condition of a rule as it was met (or, in a near miss, not met).
     *
     * @param matched  the fact that satisfied it, when there is one to show
     * @param origin   "patient data", "reference data", or "step N" for a fact a rule derived
     * @param values   the fields and variables the condition read, with this patient's values
     */
    public record Condition(String condition, boolean held, String matched, String origin, Integer fromStep,
                            Map<String, String> values, String detail) {
    }

    /** A function of the rule file evaluated in a step, with each term of its sum. */
    public record Computation(String call, String value, List<String> terms) {
    }

    /** A derived value the guidance rests on and the step that derived it. */
    public record DerivedValue(String fact, int step) {
    }

    /**
     * A rule that concludes about the code but did not fire, checked against the facts its phase saw:
     * how many of its conditions held, and the first that failed, with why.
     */
    public record NearMiss(RuleCitation rule, int conditionsHeld, int conditions, String failedCondition, String why,
                           List<String> notChecked) {
    }

    /** An explanation is patient data: its text form gives its shape, not its content. */
    @Override
    public String toString() {
        return "Explanation[" + status + ", " + steps.size() + " steps, " + nearMisses.size() + " near misses]";
    }
}
