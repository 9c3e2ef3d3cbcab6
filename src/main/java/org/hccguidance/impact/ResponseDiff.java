package org.hccguidance.impact;

import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.MissingData;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hccguidance.guidance.RecommendationGrade;
import org.hccguidance.guidance.TrialMatch;
import org.hccguidance.guidance.TrialNotOffered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The clinically meaningful differences between two answers for the same patient. Which rules fired
 * and when are not differences: the same guidance reached by other rules is the same guidance.
 */
final class ResponseDiff {

    private ResponseDiff() {
    }

    static List<Change> between(GuidanceResponse a, GuidanceResponse b) {
        List<Change> out = new ArrayList<>();
        if (a.setting() != b.setting()) {
            out.add(new Change(ChangeKind.SETTING, null, str(a.setting()), str(b.setting())));
        }
        if (!Objects.equals(a.derived(), b.derived())) {
            out.add(new Change(ChangeKind.DERIVED, null, str(a.derived()), str(b.derived())));
        }
        recommendations(a.recommendations(), b.recommendations(), out);
        notRecommended(a.notRecommended(), b.notRecommended(), out);
        Map<String, TrialMatch> trialsA = byKey(a.trials(), TrialMatch::id);
        Map<String, TrialMatch> trialsB = byKey(b.trials(), TrialMatch::id);
        trialsB.keySet().stream().filter(id -> !trialsA.containsKey(id))
                .forEach(id -> out.add(new Change(ChangeKind.TRIAL_ADDED, id, null, trialsB.get(id).title())));
        trialsA.keySet().stream().filter(id -> !trialsB.containsKey(id))
                .forEach(id -> out.add(new Change(ChangeKind.TRIAL_REMOVED, id, trialsA.get(id).title(), null)));
        Map<String, TrialNotOffered> heldA = byKey(a.trialsNotOffered(), TrialNotOffered::id);
        Map<String, TrialNotOffered> heldB = byKey(b.trialsNotOffered(), TrialNotOffered::id);
        union(heldA, heldB).forEach(id -> {
            String before = reason(heldA.get(id));
            String after = reason(heldB.get(id));
            if (!Objects.equals(before, after)) {
                out.add(new Change(ChangeKind.TRIAL_WITHHELD, id, before, after));
            }
        });
        Map<String, Alert> alertsA = byKey(a.alerts(), ResponseDiff::alertKey);
        Map<String, Alert> alertsB = byKey(b.alerts(), ResponseDiff::alertKey);
        alertsB.forEach((k, v) -> {
            if (!alertsA.containsKey(k)) {
                out.add(new Change(ChangeKind.ALERT_ADDED, v.code(), null, v.severity() + ": " + v.message()));
            }
        });
        alertsA.forEach((k, v) -> {
            if (!alertsB.containsKey(k)) {
                out.add(new Change(ChangeKind.ALERT_REMOVED, v.code(), v.severity() + ": " + v.message(), null));
            }
        });
        Map<String, MissingData> missingA = byKey(a.missingData(), m -> m.field() + "\u0000" + m.why());
        Map<String, MissingData> missingB = byKey(b.missingData(), m -> m.field() + "\u0000" + m.why());
        missingB.forEach((k, v) -> {
            if (!missingA.containsKey(k)) {
                out.add(new Change(ChangeKind.MISSING_DATA_ADDED, v.field(), null, v.why()));
            }
        });
        missingA.forEach((k, v) -> {
            if (!missingB.containsKey(k)) {
                out.add(new Change(ChangeKind.MISSING_DATA_REMOVED, v.field(), v.why(), null));
            }
        });
        return out;
    }

    private static void recommendations(List<Recommendation> a, List<Recommendation> b, List<Change> out) {
        Map<String, Recommendation> before = byKey(a, Recommendation::code);
        Map<String, Recommendation> after = byKey(b, Recommendation::code);
        for (String code : union(before, after)) {
            Recommendation x = before.get(code);
            Recommendation y = after.get(code);
            if (x == null) {
                out.add(new Change(ChangeKind.RECOMMENDATION_ADDED, code, null, y.strength().name()));
            } else if (y == null) {
                out.add(new Change(ChangeKind.RECOMMENDATION_REMOVED, code, x.strength().name(), null));
            } else {
                if (x.strength() != y.strength()) {
                    out.add(new Change(ChangeKind.STRENGTH, code, x.strength().name(), y.strength().name()));
                }
                if (x.rank() != y.rank()) {
                    out.add(new Change(ChangeKind.RANK, code, Integer.toString(x.rank()), Integer.toString(y.rank())));
                }
                if (!Objects.equals(x.grade(), y.grade())) {
                    out.add(new Change(ChangeKind.GRADE, code, grade(x.grade()), grade(y.grade())));
                }
                if (!Objects.equals(x.rationale(), y.rationale()) || !Objects.equals(x.cautions(), y.cautions())
                        || !Objects.equals(x.evidence(), y.evidence()) || !Objects.equals(x.title(), y.title())
                        || x.category() != y.category()) {
                    out.add(new Change(ChangeKind.RECOMMENDATION_TEXT, code, x.rationale(), y.rationale()));
                }
            }
        }
    }

    private static void notRecommended(List<NotRecommended> a, List<NotRecommended> b, List<Change> out) {
        Map<String, NotRecommended> before = byKey(a, NotRecommended::code);
        Map<String, NotRecommended> after = byKey(b, NotRecommended::code);
        for (String code : union(before, after)) {
            NotRecommended x = before.get(code);
            NotRecommended y = after.get(code);
            if (x == null) {
                out.add(new Change(ChangeKind.NOT_RECOMMENDED_ADDED, code, null, y.reason()));
            } else if (y == null) {
                out.add(new Change(ChangeKind.NOT_RECOMMENDED_REMOVED, code, x.reason(), null));
            } else if (!x.reason().equals(y.reason())) {
                out.add(new Change(ChangeKind.NOT_RECOMMENDED_REASON, code, x.reason(), y.reason()));
            }
        }
    }

    private static String grade(RecommendationGrade g) {
        return g == null ? null : g.evidenceQuality() + "/" + g.recommendationStrength() + " (" + g.basis() + ")";
    }

    private static String reason(TrialNotOffered t) {
        return t == null ? null : t.reason();
    }

    private static String alertKey(Alert a) {
        return a.severity() + "\u0000" + a.code() + "\u0000" + a.message();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Items by key, in answer order; a duplicate key keeps its first item (answers never repeat a code). */
    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : items) {
            out.putIfAbsent(key.apply(item), item);
        }
        return out;
    }

    /** Keys of both maps: the second answer's order first (how the new answer reads), then what it lost. */
    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(b.keySet());
        a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
