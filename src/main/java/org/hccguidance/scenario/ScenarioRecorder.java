package org.hccguidance.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.Derived;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.MissingData;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.TrialMatch;

import java.util.List;

/**
 * Writes a new scenario whose expectations are today's guidance, for a committee to review and
 * trim, instead of typing every expectation by hand.
 */
public final class ScenarioRecorder {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private ScenarioRecorder() {
    }

    /**
     * The first line of every scenario file: it points editors (through the YAML language server) at the
     * schema in the scenario folder, relative to a file whose path under the folder is its id.
     */
    public static String schemaComment(String id) {
        return ScenarioSchema.schemaLine(id + ".yaml");
    }

    public static String record(String id, PatientCase patient, GuidanceResponse g) {
        return record(id, "Recorded: edit this title", null, patient, g);
    }

    /** As {@link #record(String, PatientCase, GuidanceResponse)}, with the committee's title and source when given. */
    public static String record(String id, String title, String source, PatientCase patient, GuidanceResponse g) {
        Derived d = g.derived();
        Expectations expect = new Expectations(
                g.setting(),
                new DerivedExpectation(d.childPughClass(), d.childPughScore(), d.albiScore(), d.albiGrade(), d.bclcStage(),
                        d.oligoprogression(), d.antiVegfContraindicated(), d.immunotherapyContraindicated()),
                g.recommendations().stream().map(r -> new OptionExpectation(r.code(), r.strength(), r.rank())).toList(),
                g.notRecommended().stream().map(NotRecommended::code).map(ExclusionExpectation::of).toList(),
                List.of(),
                g.trials().stream().map(TrialMatch::id).toList(),
                List.of(),
                g.trialsNotOffered().stream().map(t -> TrialNotOfferedExpectation.of(t.id())).toList(),
                g.alerts().stream().map(Alert::code).toList(),
                g.missingData().stream().map(MissingData::field).toList(),
                List.of(),
                List.of());
        String recordedFrom = "Recorded from rule set " + g.audit().rulesetVersion()
                + "; a committee must review every expectation below";
        Scenario s = new Scenario(id, title, source == null || source.isBlank() ? recordedFrom : source + " (" + recordedFrom + ")",
                patient.withoutRef(), expect, null);
        try {
            ObjectNode tree = YAML.valueToTree(s);
            return schemaComment(id)
                    + "# Recorded scenario: review every expectation, delete the ones that are incidental, then sign off.\n"
                    + YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario YAML", e);
        }
    }
}
