package org.hccguidance.guidance;

import org.hccguidance.engine.Evaluation;
import org.hccguidance.engine.ReferenceData;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.facts.Albi;
import org.hccguidance.facts.AntiVegfContraindication;
import org.hccguidance.facts.Bclc;
import org.hccguidance.facts.ChildPugh;
import org.hccguidance.facts.ImmunotherapyContraindication;
import org.hccguidance.facts.Oligoprogression;
import org.hccguidance.facts.Setting;
import org.hccguidance.facts.TreatmentSetting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns what the rules asserted into one response. The policy here is generic, not clinical: an
 * option any rule excluded is not recommended (with every reason), a strength limit always wins over
 * a proposal, and options are ranked by strength and then by the position of the rank the rules named
 * (the rank table, {@code rules/catalogue/ranks.csv}).
 */
public final class GuidanceAssembler {

    private GuidanceAssembler() {
    }

    public static GuidanceResponse assemble(Evaluation eval, String patientRef, Instant evaluatedAt) {
        Map<String, List<Option>> options = group(eval.factsOf(Option.class), Option::code);
        Map<String, List<Exclusion>> exclusions = group(eval.factsOf(Exclusion.class), Exclusion::code);
        Map<String, List<StrengthLimit>> limits = group(eval.factsOf(StrengthLimit.class), StrengthLimit::code);
        Map<String, List<Caution>> cautions = group(eval.factsOf(Caution.class), Caution::code);
        Setting settingFact = eval.factsOf(Setting.class).stream().findFirst().orElse(null);
        Map<String, List<EvidenceRow>> evidence = settingFact == null ? Map.of()
                : group(eval.ruleSet().reference().evidence().stream()
                        .filter(row -> options.containsKey(row.code()) && row.appliesIn(settingFact.getPathway()))
                        .toList(), EvidenceRow::code);

        Map<String, List<Grade>> grades = group(eval.factsOf(Grade.class), Grade::code);
        Map<String, List<RankFirst>> first = group(eval.factsOf(RankFirst.class), RankFirst::code);

        ReferenceData reference = eval.ruleSet().reference();
        record Ranked(Option merged, int position, Strength strength, Grade grade, boolean first) {
        }
        List<Ranked> offered = new ArrayList<>();
        for (var entry : options.entrySet()) {
            if (exclusions.containsKey(entry.getKey())) {
                continue;
            }
            Option merged = merge(entry.getValue(), reference);
            Strength strength = merged.strength();
            for (StrengthLimit limit : limits.getOrDefault(entry.getKey(), List.of())) {
                strength = strength.weakest(limit.atMost());
            }
            Grade grade = mostConservative(grades.get(entry.getKey()));
            // The written rule: an option is no stronger than its grade allows; an ungraded one is at most CONSIDER.
            strength = strength.weakest(grade == null ? Strength.CONSIDER : grade.strength());
            offered.add(new Ranked(merged, reference.position(merged.rank()), strength, grade, first.containsKey(entry.getKey())));
        }
        offered.sort(Comparator.comparing((Ranked r) -> !r.first())
                .thenComparing(Ranked::strength)
                .thenComparingInt(Ranked::position)
                .thenComparing(r -> r.merged().code()));

        List<Recommendation> recommendations = new ArrayList<>();
        for (Ranked r : offered) {
            String code = r.merged().code();
            Set<String> cautionTexts = new java.util.TreeSet<>();
            cautions.getOrDefault(code, List.of()).forEach(c -> cautionTexts.add(c.text()));
            limits.getOrDefault(code, List.of()).forEach(l -> cautionTexts.add(l.reason()));
            List<EvidenceItem> items = evidence.getOrDefault(code, List.of()).stream().map(EvidenceRow::item).distinct()
                    .sorted(Comparator.comparing(EvidenceItem::reference, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(EvidenceItem::source, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(EvidenceItem::toString))   // reached only on a tie; the shipped table has none
                    .toList();
            Set<String> firedBy = new java.util.TreeSet<>();
            options.get(code).forEach(o -> addRule(firedBy, eval, o));
            limits.getOrDefault(code, List.of()).forEach(o -> addRule(firedBy, eval, o));
            cautions.getOrDefault(code, List.of()).forEach(o -> addRule(firedBy, eval, o));
            evidence.getOrDefault(code, List.of()).forEach(row -> firedBy.add(row.name()));
            grades.getOrDefault(code, List.of()).forEach(o -> addRule(firedBy, eval, o));
            first.getOrDefault(code, List.of()).forEach(o -> addRule(firedBy, eval, o));
            RecommendationGrade grade = r.grade() == null ? RecommendationGrade.UNGRADED
                    : new RecommendationGrade(r.grade().evidenceQuality(), r.grade().recommendationStrength(), r.grade().basis());
            recommendations.add(new Recommendation(code, r.merged().category(), r.strength(), recommendations.size() + 1,
                    r.merged().title(), r.merged().rationale(), grade, items, List.copyOf(cautionTexts), List.copyOf(firedBy)));
        }

        List<NotRecommended> notRecommended = new ArrayList<>();
        new TreeMap<>(exclusions).forEach((code, list) -> {
            Reasons r = reasons(eval, list, Exclusion::reason);
            notRecommended.add(new NotRecommended(code, r.text(), r.firedBy()));
        });

        Map<String, List<TrialExclusion>> trialExclusions = group(eval.factsOf(TrialExclusion.class), TrialExclusion::trialId);
        List<TrialMatch> trials = eval.factsOf(TrialMatch.class).stream().distinct()
                .filter(t -> !trialExclusions.containsKey(t.id()))
                .sorted(Comparator.comparing(TrialMatch::id)).toList();
        List<TrialNotOffered> trialsNotOffered = new ArrayList<>();
        new TreeMap<>(trialExclusions).forEach((id, list) -> {
            Reasons r = reasons(eval, list, TrialExclusion::reason);
            trialsNotOffered.add(new TrialNotOffered(id, r.text(), r.firedBy()));
        });
        List<Alert> alerts = eval.factsOf(Alert.class).stream().distinct()
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::code)
                        .thenComparing(Alert::message)).toList();
        List<MissingData> missing = eval.factsOf(MissingData.class).stream().distinct()
                .sorted(Comparator.comparing(MissingData::field).thenComparing(MissingData::why)).toList();

        TreatmentSetting setting = settingFact == null ? null : settingFact.value();
        Audit audit = new Audit(eval.ruleSet().version(), eval.ruleSet().source(),
                firedInRuleOrder(eval), evaluatedAt, eval.engineMicros());
        return new GuidanceResponse(patientRef, setting, derived(eval), List.copyOf(recommendations),
                List.copyOf(notRecommended), trials, List.copyOf(trialsNotOffered), alerts, missing, audit);
    }

    /**
     * The rule set lists its rules by file and name, and the engine reports each firing with the rule set's own
     * reference, so walking that list once gives the fired rules in order without sorting or hashing records.
     */
    private static List<String> firedInRuleOrder(Evaluation eval) {
        Set<RuleRef> fired = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        fired.addAll(eval.firedRuleRefs());
        List<String> out = new ArrayList<>(fired.size());
        for (RuleRef rule : eval.ruleSet().rules()) {
            if (fired.remove(rule)) {
                out.add(rule.name());
            }
        }
        // A reference the rule set does not list (never expected) is still reported, after the others.
        fired.stream().sorted(Comparator.comparing(RuleRef::file).thenComparing(RuleRef::name)).forEach(r -> out.add(r.name()));
        return List.copyOf(out);
    }

    private static Derived derived(Evaluation eval) {
        ChildPugh cp = eval.factsOf(ChildPugh.class).stream().findFirst().orElse(null);
        Albi albi = eval.factsOf(Albi.class).stream().findFirst().orElse(null);
        Bclc bclc = eval.factsOf(Bclc.class).stream().findFirst().orElse(null);
        return new Derived(
                cp == null ? null : cp.childPughClass(),
                cp == null ? null : cp.score(),
                albi == null ? null : Math.round(albi.score() * 100.0) / 100.0,
                albi == null ? null : albi.grade(),
                bclc == null ? null : bclc.stage(),
                !eval.factsOf(Oligoprogression.class).isEmpty(),
                !eval.factsOf(AntiVegfContraindication.class).isEmpty(),
                !eval.factsOf(ImmunotherapyContraindication.class).isEmpty());
    }

    /**
     * Working memory has no order, so proposals are ordered by content to keep merged text stable: the
     * earliest rank first, so the merged option keeps the earliest place any rule gave it.
     */
    private static Option merge(List<Option> unordered, ReferenceData reference) {
        List<Option> proposals = new ArrayList<>(unordered);
        proposals.sort(Comparator.comparingInt((Option o) -> reference.position(o.rank()))
                .thenComparing(Option::strength).thenComparing(Option::title).thenComparing(Option::rationale));
        Option first = proposals.get(0);
        Strength strength = first.strength();
        Set<String> rationale = new LinkedHashSet<>();
        for (Option o : proposals) {
            strength = strength.strongest(o.strength());
            rationale.add(o.rationale());
        }
        rationale.removeIf(Objects::isNull);
        return new Option(first.code(), first.category(), strength, first.rank(), first.title(), String.join(" ", rationale));
    }

    /**
     * When several rows grade the same option (a pathway row and a row for every pathway), the weakest
     * strength wins, then the weakest evidence: the grade never overstates.
     */
    private static Grade mostConservative(List<Grade> grades) {
        if (grades == null || grades.isEmpty()) {
            return null;
        }
        return grades.stream().max(Comparator.comparing(Grade::strength).thenComparing(Grade::evidenceQuality)
                .thenComparing(Grade::recommendationStrength).thenComparing(Grade::basis)).orElseThrow();
    }

    /** Every distinct reason, in order, and the rules that gave them. */
    private record Reasons(String text, List<String> firedBy) {
    }

    private static <T> Reasons reasons(Evaluation eval, List<T> facts, Function<T, String> reason) {
        Set<String> texts = new java.util.TreeSet<>();
        Set<String> firedBy = new java.util.TreeSet<>();
        for (T f : facts) {
            texts.add(reason.apply(f));
            addRule(firedBy, eval, f);
        }
        return new Reasons(String.join("; ", texts), List.copyOf(firedBy));
    }

    private static void addRule(Set<String> firedBy, Evaluation eval, Object fact) {
        String rule = eval.ruleThatInserted(fact);
        if (rule != null) {
            firedBy.add(rule);
        }
    }

    private static <T> Map<String, List<T>> group(List<T> facts, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T f : facts) {
            out.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        }
        return out;
    }
}
