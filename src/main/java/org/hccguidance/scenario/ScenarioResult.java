package org.hccguidance.scenario;

import org.hccguidance.guidance.GuidanceResponse;

import java.util.List;

/** The outcome of one scenario: each unmet expectation, and the guidance it was checked against. */
public record ScenarioResult(String id, String title, String source, String file, boolean passed,
                             List<String> failures, GuidanceResponse actual) {

    /** "scenario ID: first failure; ...", the line a committee reads first. */
    public String summary() {
        return "scenario " + id + (passed ? ": passed" : ": " + String.join("; ", failures));
    }
}
