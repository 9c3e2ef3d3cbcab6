package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hccguidance.facts.TreatmentSetting;

import java.util.List;

/**
 * What a scenario demands of the guidance. Every list may be omitted; omitted means not checked.
 * {@code alertsAbsent} and {@code missingDataAbsent} name alert codes and missing-data fields that must not
 * appear, for the other side of a condition.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "What the guidance must and must not say; each key is optional, and omitted means not checked.")
public record Expectations(
        @Schema(description = "The derived treatment setting: FIRST_LINE, POST_IO_PROGRESSION, POST_IO_INTOLERANCE, "
                + "POST_MKI or LATER_LINE.")
        TreatmentSetting setting,
        @Schema(description = "Any subset of the derived values.")
        DerivedExpectation derived,
        @Schema(description = "Options that must be recommended: a bare option code, or {code, strength, rank}.")
        List<OptionExpectation> recommended,
        @Schema(description = "Options that must be listed as not recommended: a bare code, or {code, reasonContains}.")
        List<ExclusionExpectation> notRecommended,
        @Schema(description = "Option codes that must not be recommended (they may be absent altogether).")
        List<String> mustNotRecommend,
        @Schema(description = "Trial ids (NCT numbers) that must match.")
        List<String> trials,
        @Schema(description = "Trial ids that must not match.")
        List<String> trialsNotMatched,
        @Schema(description = "Matching trials that must be withheld: a bare id, or {id, reasonContains}.")
        List<TrialNotOfferedExpectation> trialsNotOffered,
        @Schema(description = "Alert codes that must be present.")
        List<String> alerts,
        @Schema(description = "Missing-data fields that must be present, e.g. tumour.afpNgMl.")
        List<String> missingData,
        @Schema(description = "Alert codes that must not be present.")
        List<String> alertsAbsent,
        @Schema(description = "Missing-data fields that must not be present.")
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
