package org.hccguidance.ruleset;

import org.hccguidance.engine.BuildError;

import java.util.List;

/** What a reload did: activated a new version, found nothing changed, or refused the candidate. */
public record ReloadOutcome(Status status, String candidateVersion, String activeVersion, List<BuildError> errors,
                            List<String> failingScenarios) {

    public enum Status { ACTIVATED, UNCHANGED, REFUSED }
}
