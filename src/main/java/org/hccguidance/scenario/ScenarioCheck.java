package org.hccguidance.scenario;

import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.Derived;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.MissingData;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hccguidance.guidance.TrialMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Compares one scenario's expectations with the guidance; each unmet expectation is one sentence. */
final class ScenarioCheck {

    private ScenarioCheck() {
    }

    static List<String> failures(Expectations e, GuidanceResponse g, Set<String> knownCodes, Set<String> knownTrials) {
        return failures(e, g, knownCodes, knownTrials, null, null);
    }

    /**
     * {@code knownAlerts} and {@code knownMissing} are the alert codes and missing-data fields the rule set
     * produced anywhere in the suite; an absence expectation naming one never produced is a probable typo
     * (null: not checked).
     */
    static List<String> failures(Expectations e, GuidanceResponse g, Set<String> knownCodes, Set<String> knownTrials,
                                 Set<String> knownAlerts, Set<String> knownMissing) {
        List<String> out = new ArrayList<>();
        List<String> recommended = g.recommendations().stream().map(Recommendation::code).toList();
        List<String> excluded = g.notRecommended().stream().map(NotRecommended::code).toList();
        List<String> trials = g.trials().stream().map(TrialMatch::id).toList();

        if (e.setting() != null && e.setting() != g.setting()) {
            out.add("expected setting " + e.setting() + "; got " + g.setting());
        }
        if (e.derived() != null) {
            derived(e.derived(), g.derived(), out);
        }
        for (OptionExpectation o : e.recommended()) {
            unknown(o.code(), knownCodes, out);
            Optional<Recommendation> r = g.recommendations().stream().filter(x -> x.code().equals(o.code())).findFirst();
            if (r.isEmpty()) {
                String why = g.notRecommended().stream().filter(n -> n.code().equals(o.code())).map(NotRecommended::reason)
                        .findFirst().map(reason -> " (it is not recommended: " + reason + ")").orElse("");
                out.add("expected " + o.code() + " recommended; got " + recommended + why);
                continue;
            }
            if (o.strength() != null && o.strength() != r.get().strength()) {
                out.add("expected " + o.code() + " as " + o.strength() + "; got " + r.get().strength());
            }
            if (o.evidenceQuality() != null && (r.get().grade() == null || o.evidenceQuality() != r.get().grade().evidenceQuality())) {
                out.add("expected " + o.code() + " with evidence quality " + o.evidenceQuality() + "; got "
                        + (r.get().grade() == null ? "no grade" : r.get().grade().evidenceQuality() + " (" + r.get().grade().basis() + ")"));
            }
            if (o.rank() != null && o.rank() != r.get().rank()) {
                out.add("expected " + o.code() + " at rank " + o.rank() + "; got rank " + r.get().rank() + " of " + recommended);
            }
            if (o.cautionContains() != null && r.get().cautions().stream().noneMatch(c -> c.toLowerCase(Locale.ROOT)
                    .contains(o.cautionContains().toLowerCase(Locale.ROOT)))) {
                out.add("expected a caution on " + o.code() + " mentioning '" + o.cautionContains() + "'; got " + r.get().cautions());
            }
            if (o.noCautionContains() != null && r.get().cautions().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT)
                    .contains(o.noCautionContains().toLowerCase(Locale.ROOT)))) {
                out.add("expected no caution on " + o.code() + " mentioning '" + o.noCautionContains() + "'; got " + r.get().cautions());
            }
        }
        for (ExclusionExpectation x : e.notRecommended()) {
            unknown(x.code(), knownCodes, out);
            Optional<NotRecommended> n = g.notRecommended().stream().filter(y -> y.code().equals(x.code())).findFirst();
            if (n.isEmpty()) {
                out.add("expected " + x.code() + " not recommended; got not recommended " + excluded);
            } else if (x.reasonContains() != null
                    && !n.get().reason().toLowerCase(Locale.ROOT).contains(x.reasonContains().toLowerCase(Locale.ROOT))) {
                out.add("expected the reason for not recommending " + x.code() + " to mention '" + x.reasonContains()
                        + "'; got '" + n.get().reason() + "'");
            }
        }
        for (String code : e.mustNotRecommend()) {
            unknown(code, knownCodes, out);
            if (recommended.contains(code)) {
                out.add("expected " + code + " not to be recommended; got it at rank " + (recommended.indexOf(code) + 1));
            }
        }
        for (String id : e.trials()) {
            unknown(id, knownTrials, out);
            if (!trials.contains(id)) {
                out.add("expected trial " + id + " to match; got " + trials);
            }
        }
        for (String id : e.trialsNotMatched()) {
            unknown(id, knownTrials, out);
            if (trials.contains(id)) {
                out.add("expected trial " + id + " not to match; it did");
            }
        }
        for (TrialNotOfferedExpectation t : e.trialsNotOffered()) {
            unknown(t.id(), knownTrials, out);
            var withheld = g.trialsNotOffered().stream().filter(n -> n.id().equals(t.id())).findFirst();
            if (withheld.isEmpty()) {
                out.add("expected trial " + t.id() + " to be withheld (trialsNotOffered); got "
                        + g.trialsNotOffered().stream().map(n -> n.id()).toList());
            } else if (t.reasonContains() != null
                    && !withheld.get().reason().toLowerCase(java.util.Locale.ROOT).contains(t.reasonContains().toLowerCase(java.util.Locale.ROOT))) {
                out.add("expected the reason for withholding trial " + t.id() + " to contain '" + t.reasonContains()
                        + "'; got '" + withheld.get().reason() + "'");
            }
        }
        List<String> alerts = g.alerts().stream().map(Alert::code).toList();
        for (String code : e.alerts()) {
            if (!alerts.contains(code)) {
                out.add("expected alert " + code + "; got " + alerts);
            }
        }
        for (String code : e.alertsAbsent()) {
            if (knownAlerts != null && !knownAlerts.contains(code)) {
                out.add("'" + code + "' is not an alert this rule set ever raises in the suite (a typo?)");
            }
            if (alerts.contains(code)) {
                out.add("expected no alert " + code + "; got " + alerts);
            }
        }
        List<String> missing = g.missingData().stream().map(MissingData::field).toList();
        for (String field : e.missingData()) {
            if (!missing.contains(field)) {
                out.add("expected missing data " + field + "; got " + missing);
            }
        }
        for (String field : e.missingDataAbsent()) {
            if (knownMissing != null && !knownMissing.contains(field)) {
                out.add("'" + field + "' is not a missing-data field this rule set ever reports in the suite (a typo?)");
            }
            if (missing.contains(field)) {
                out.add("expected no missing data " + field + "; got " + missing);
            }
        }
        return out;
    }

    private static void unknown(String code, Set<String> known, List<String> out) {
        if (!known.contains(code)) {
            out.add("'" + code + "' is not a code this rule set ever produces or lists (a typo?)");
        }
    }

    private static void derived(DerivedExpectation e, Derived d, List<String> out) {
        check("childPughClass", e.childPughClass(), d.childPughClass(), out);
        check("childPughScore", e.childPughScore(), d.childPughScore(), out);
        check("albiGrade", e.albiGrade(), d.albiGrade(), out);
        check("bclcStage", e.bclcStage(), d.bclcStage(), out);
        check("oligoprogression", e.oligoprogression(), d.oligoprogression(), out);
        check("antiVegfContraindicated", e.antiVegfContraindicated(), d.antiVegfContraindicated(), out);
        check("immunotherapyContraindicated", e.immunotherapyContraindicated(), d.immunotherapyContraindicated(), out);
        if (e.albiScore() != null && (d.albiScore() == null || Math.abs(e.albiScore() - d.albiScore()) > 0.01)) {
            out.add("expected derived albiScore " + e.albiScore() + "; got " + d.albiScore());
        }
    }

    private static void check(String name, Object expected, Object actual, List<String> out) {
        if (expected != null && !Objects.equals(expected, actual)) {
            out.add("expected derived " + name + " " + expected + "; got " + actual);
        }
    }
}
