package org.hccguidance.explain;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(description = "Why one option code was recommended, ruled out or never offered for one patient; it holds patient values.")
public record Explanation(
        @Schema(description = "The option or alert code explained.") String code,
        @Schema(description = "Where the code ended up: `RECOMMENDED`, `NOT_RECOMMENDED`, `CONCLUDED` (not an option, "
                + "but a rule concluded about it, e.g. an alert) or `ABSENT` (no rule concluded about it).") Status status,
        @Schema(description = "The answer in one sentence.") String summary,
        @Schema(description = "Numbers of the steps that concluded something about the code itself.") List<Integer> conclusions,
        @Schema(description = "Every rule firing on the chain, numbered.") List<Step> steps,
        @Schema(description = "The derived values (Child-Pugh, ALBI, BCLC) and the step that produced each.") List<DerivedValue> derived,
        @Schema(description = "Rules that conclude about the code but did not fire, nearest first.") List<NearMiss> nearMisses,
        @Schema(description = "Content-hash version of the rule set that explained it.") String rulesetVersion) {

    /** Where the code ended up in the guidance. */
    public enum Status {
        RECOMMENDED, NOT_RECOMMENDED,
        /** Not an option, but some rule concluded about the code (an alert, for example). */
        CONCLUDED,
        /** No rule concluded anything about the code for this patient. */
        ABSENT
    }

    /** A rule, where to find it and what it cites as its source (null when it has no comment above it). */
    @Schema(description = "A rule, where to find it and the source its comment cites.")
    public record RuleCitation(
            @Schema(description = "Rule name.") String name,
            @Schema(description = "Rule file, relative to the rule folder.") String file,
            @Schema(description = "Line of the rule in a DRL file.") Integer line,
            @Schema(description = "Spreadsheet row of the rule in a decision table.") Integer row,
            @Schema(description = "The phase the rule belongs to (ruleflow group).") String phase,
            @Schema(description = "The source the rule's comment cites; absent when it has no comment.") String citation) {

        public String location() {
            if (row != null) {
                return file + " row " + row;
            }
            return line == null ? file : file + ":" + line;
        }
    }

    /** One rule firing: what it concluded, the conditions it matched, and the steps it built on. */
    @Schema(description = "One rule firing: what it concluded, the conditions it matched, and the steps it built on.")
    public record Step(
            @Schema(description = "Number of the step.") int step,
            @Schema(description = "The rule that fired.") RuleCitation rule,
            @Schema(description = "What it concluded, in words.") List<String> concluded,
            @Schema(description = "The conditions it matched.") List<Condition> conditions,
            @Schema(description = "Functions of the rule file it evaluated, with their terms.") List<Computation> computations,
            @Schema(description = "Numbers of the earlier steps whose facts it matched.") List<Integer> builtOn) {
    }

    /**
     * One condition of a rule as it was met (or, in a near miss, not met).
     *
     * @param matched  the fact that satisfied it, when there is one to show
     * @param origin   "patient data", "reference data", or "step N" for a fact a rule derived
     * @param values   the fields and variables the condition read, with this patient's values
     */
    @Schema(description = "One condition of a rule as it was met or, in a near miss, not met.")
    public record Condition(
            @Schema(description = "The condition as the rule file writes it.") String condition,
            @Schema(description = "Whether it held.") boolean held,
            @Schema(description = "The fact that satisfied it, when there is one to show.") String matched,
            @Schema(description = "Where that fact came from: patient data, reference data, or step N.") String origin,
            @Schema(description = "The step that derived the fact, when a rule did.") Integer fromStep,
            @Schema(description = "The fields and variables the condition read, with this patient's values.") Map<String, String> values,
            @Schema(description = "Why it held or failed, in words.") String detail) {
    }

    /** A function of the rule file evaluated in a step, with each term of its sum. */
    @Schema(description = "A function of the rule file evaluated in a step, with each term of its sum.")
    public record Computation(
            @Schema(description = "The call as written.") String call,
            @Schema(description = "Its value.") String value,
            @Schema(description = "Each term of the sum, e.g. Child-Pugh points per component.") List<String> terms) {
    }

    /** A derived value the guidance rests on and the step that derived it. */
    @Schema(description = "A derived value the guidance rests on and the step that derived it.")
    public record DerivedValue(
            @Schema(description = "The derived fact, in words.") String fact,
            @Schema(description = "The step that derived it.") int step) {
    }

    /**
     * A rule that concludes about the code but did not fire, checked against the facts its phase saw:
     * how many of its conditions held, and the first that failed, with why.
     */
    @Schema(description = "A rule that concludes about the code but did not fire, checked against the facts its phase saw.")
    public record NearMiss(
            @Schema(description = "The rule.") RuleCitation rule,
            @Schema(description = "How many of its conditions held.") int conditionsHeld,
            @Schema(description = "How many conditions it has.") int conditions,
            @Schema(description = "The first condition that failed.") String failedCondition,
            @Schema(description = "Why it failed, with the values, e.g. \"afpNgMl 320 < $cut 400\".") String why,
            @Schema(description = "Conditions not re-checked here (from, accumulate, forall).") List<String> notChecked) {
    }

    /** An explanation is patient data: its text form gives its shape, not its content. */
    @Override
    public String toString() {
        return "Explanation[" + status + ", " + steps.size() + " steps, " + nearMisses.size() + " near misses]";
    }
}
