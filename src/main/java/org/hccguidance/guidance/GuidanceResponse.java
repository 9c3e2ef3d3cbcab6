package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.facts.TreatmentSetting;

import java.util.List;

/** The whole answer for one patient. */
@Schema(description = "The whole answer for one patient. Decision support for clinicians, not a prescription.")
public record GuidanceResponse(
        @Schema(description = "The request's `patientRef`, echoed; null when none was sent.", nullable = true)
        String patientRef,
        @Schema(description = "Where the patient stands in the sequence of systemic therapy: `FIRST_LINE`, "
                + "`POST_IO_PROGRESSION` (progressed on immunotherapy), `POST_IO_INTOLERANCE` (stopped immunotherapy "
                + "for toxicity), `POST_MKI` (after a multikinase inhibitor without immunotherapy), `LATER_LINE`.")
        TreatmentSetting setting,
        @Schema(description = "The derived facts the guidance rests on.")
        Derived derived,
        @Schema(description = "Options offered, best first (`rank` 1 is first).")
        List<Recommendation> recommendations,
        @Schema(description = "Options ruled out, each with every reason found.")
        List<NotRecommended> notRecommended,
        @Schema(description = "Recruiting trials whose eligibility the patient meets.")
        List<TrialMatch> trials,
        @Schema(description = "Trials the patient matches but that are withheld (a contraindication or a progressed agent "
                + "bars them), with every reason.")
        List<TrialNotOffered> trialsNotOffered,
        @Schema(description = "Messages a clinician must read, whatever the options are.")
        List<Alert> alerts,
        @Schema(description = "Facts the rules needed and did not have; supplying them may change the answer.")
        List<MissingData> missingData,
        @Schema(description = "Which rule set produced this answer and which rules fired, for reproducibility.")
        Audit audit) {

    public GuidanceResponse withPatientRef(String ref) {
        return new GuidanceResponse(ref, setting, derived, recommendations, notRecommended, trials, trialsNotOffered,
                alerts, missingData, audit);
    }

    /** Guidance is patient data: toString gives its shape, not its content. */
    @Override
    public String toString() {
        return "GuidanceResponse[" + recommendations.size() + " recommendations, " + notRecommended.size()
                + " not recommended, rule set " + (audit == null ? "?" : audit.rulesetVersion()) + "]";
    }

    public boolean recommends(String code) {
        return recommendations.stream().anyMatch(r -> r.code().equals(code));
    }
}
