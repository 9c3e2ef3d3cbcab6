package org.hccguidance.safety;

import io.micrometer.core.instrument.Metrics;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hccguidance.guidance.Severity;
import org.hccguidance.guidance.TrialMatch;
import org.hccguidance.guidance.TrialNotOffered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a broken invariant does to a response: the offending item never reaches the clinician as
 * advice. A recommendation moves to {@code notRecommended} and a trial to {@code trialsNotOffered}, with
 * the reason "withheld by safety check I1: ..."; a CRITICAL alert names the check; ranks run 1..n again.
 * An ERROR log line names the rule set version, the invariant, the item code and the rules (never
 * patient data), and {@code guidance.safety.violations{invariant}} counts it. A violation degrades the
 * response; it never turns a valid request into an error.
 */
public final class SafetyNet {

    private static final Logger log = LoggerFactory.getLogger(SafetyNet.class);
    /** The contract's code for "enrol in one of the listed trials": meaningless once none is listed. */
    static final String CLINICAL_TRIAL = "CLINICAL_TRIAL";

    private SafetyNet() {
    }

    public static GuidanceResponse enforce(GuidanceResponse response, List<Violation> violations) {
        if (violations.isEmpty()) {
            return response;
        }
        String version = response.audit() == null ? "?" : response.audit().rulesetVersion();
        for (Violation v : violations) {
            log.error("safety check {} failed on rule set {}: {} {} (rules: {})", v.invariant(), version, v.kind(),
                    v.code(), v.rules());
            Metrics.counter("guidance.safety.violations", "invariant", v.invariant().name()).increment();
        }
        Map<String, List<Violation>> byRecommendation = group(violations, Violation.Kind.RECOMMENDATION);
        Map<String, List<Violation>> byTrial = group(violations, Violation.Kind.TRIAL);

        List<TrialMatch> trials = new ArrayList<>();
        List<TrialNotOffered> trialsNotOffered = new ArrayList<>(response.trialsNotOffered());
        for (TrialMatch t : response.trials()) {
            List<Violation> vs = byTrial.get(t.id());
            if (vs == null) {
                trials.add(t);
            } else {
                trialsNotOffered.add(new TrialNotOffered(t.id(), withheld(vs), List.of()));
            }
        }
        if (trials.isEmpty() && !response.trials().isEmpty()) {
            byRecommendation.computeIfAbsent(CLINICAL_TRIAL, k -> new ArrayList<>())
                    .add(new Violation(Invariant.I1, Violation.Kind.RECOMMENDATION, CLINICAL_TRIAL,
                            "every matching trial was withheld", List.of()));
        }

        Map<String, NotRecommended> notRecommended = new LinkedHashMap<>();
        response.notRecommended().forEach(n -> notRecommended.put(n.code(), n));
        for (Violation v : violations) {
            if (v.kind() == Violation.Kind.EXCLUSION) {
                NotRecommended n = notRecommended.get(v.code());
                notRecommended.put(v.code(), new NotRecommended(v.code(), "no reason was given (safety check I5)", n.firedBy()));
            }
        }
        List<Recommendation> kept = new ArrayList<>();
        for (Recommendation r : response.recommendations()) {
            List<Violation> vs = byRecommendation.get(r.code());
            if (vs == null) {
                kept.add(r);
                continue;
            }
            NotRecommended before = notRecommended.get(r.code());
            String reason = withheld(vs) + (before == null ? "" : "; " + before.reason());
            Set<String> firedBy = new TreeSet<>(r.firedBy());
            if (before != null) {
                firedBy.addAll(before.firedBy());
            }
            notRecommended.put(r.code(), new NotRecommended(r.code(), reason, List.copyOf(firedBy)));
        }
        List<Recommendation> ranked = new ArrayList<>();
        for (Recommendation r : kept) {
            ranked.add(new Recommendation(r.code(), r.category(), r.strength(), ranked.size() + 1, r.title(), r.rationale(),
                    r.grade(), r.evidence(), r.cautions(), r.firedBy()));
        }
        List<Alert> alerts = new ArrayList<>(response.alerts());
        violations.stream().map(v -> v.invariant() + " " + v.code()).distinct().forEach(key -> {
            Violation v = violations.stream().filter(x -> (x.invariant() + " " + x.code()).equals(key)).findFirst().orElseThrow();
            alerts.add(new Alert(Severity.CRITICAL, "SAFETY_CHECK_" + v.invariant(), "Safety check " + v.invariant()
                    + " (" + v.invariant().meaning() + ") withheld or corrected " + v.code() + ": " + v.detail()
                    + ". The rule set needs review; tell the guideline committee."));
        });
        alerts.sort(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::code).thenComparing(Alert::message));
        List<NotRecommended> sortedExclusions = notRecommended.values().stream()
                .sorted(Comparator.comparing(NotRecommended::code)).toList();
        trialsNotOffered.sort(Comparator.comparing(TrialNotOffered::id));
        return new GuidanceResponse(response.patientRef(), response.setting(), response.derived(), List.copyOf(ranked),
                sortedExclusions, List.copyOf(trials), List.copyOf(trialsNotOffered), List.copyOf(alerts),
                response.missingData(), response.audit());
    }

    private static Map<String, List<Violation>> group(List<Violation> violations, Violation.Kind kind) {
        Map<String, List<Violation>> out = new LinkedHashMap<>();
        violations.stream().filter(v -> v.kind() == kind).forEach(v -> out.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v));
        return out;
    }

    private static String withheld(List<Violation> vs) {
        return vs.stream().map(v -> "withheld by safety check " + v.invariant() + ": " + v.detail()).distinct()
                .collect(Collectors.joining("; "));
    }
}
