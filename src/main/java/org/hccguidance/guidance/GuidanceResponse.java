package org.hccguidance.guidance;

import org.hccguidance.facts.TreatmentSetting;

import java.util.List;

/** The whole answer for one patient. */
public record GuidanceResponse(String patientRef, TreatmentSetting setting, Derived derived,
                               List<Recommendation> recommendations, List<NotRecommended> notRecommended,
                               List<TrialMatch> trials, List<TrialNotOffered> trialsNotOffered, List<Alert> alerts,
                               List<MissingData> missingData, Audit audit) {

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
