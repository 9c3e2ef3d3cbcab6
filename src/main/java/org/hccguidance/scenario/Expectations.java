package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hccguidance.facts.TreatmentSetting;

import java.util.List;

/**
 * What a scenario demands of the guidance. Every list may be omitted; omitted means not checked.
 * {@code alertsAbsent} and {@code missingDataAbsent} name alert codes and missing-data fields that must not
 * appear, for the other side of a condition.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Expectations(
        TreatmentSetting setting,
        DerivedExpectation derived,
        List<OptionExpectation> recommended,
        List<ExclusionExpectation> notRecommended,
        List<String> mustNotRecommend,
        List<String> trials,
        List<String> trialsNotMatched,
        List<TrialNotOfferedExpectation> trialsNotOffered,
        List<String> alerts,
        List<String> missingData,
        List<String> alertsAbsent,
        List<String> missingDataAbsent) {

    public Expectations {
        recommended = recommended == null ? List.of() : List.copyOf(recommended);
        notRecommended = notRecommended == null ? List.of() : List.copyOf(notRecommended);
        mustNotRecommend = mustNotRecommend == null ? List.of() : List.copyOf(mustNotRecommend);
        trials = trials == null ? List.of() : List.copyOf(trials);
        trialsNotMatched = trialsNotMatched == null ? List.of() : List.copyOf(trialsNotMatched);
        trialsNotOffered = trialsNotOffered == null ? List.of() : List.copyOf(trialsNotOffered);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        missingData = missingData == null ? List.of() : List.copyOf(missingData);
        alertsAbsent = alertsAbsent == null ? List.of() : List.copyOf(alertsAbsent);
        missingDataAbsent = missingDataAbsent == null ? List.of() : List.copyOf(missingDataAbsent);
    }
}
