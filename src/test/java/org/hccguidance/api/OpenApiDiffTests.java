package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaking-change rules, each shown on an edit of the committed contract: the kind of edit a
 * refactoring makes by accident. Additions must pass; removals must fail with a line naming them.
 */
class OpenApiDiffTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTRACT = read();

    private static JsonNode read() {
        try {
            return JSON.readTree(Path.of("docs/openapi/openapi.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ContractDiff afterEdit(Consumer<ObjectNode> edit) {
        ObjectNode changed = CONTRACT.deepCopy();
        edit.accept(changed);
        return ContractDiff.between(CONTRACT, changed);
    }

    private static ObjectNode schema(ObjectNode doc, String name) {
        return (ObjectNode) doc.with("components").with("schemas").get(name);
    }

    @Test
    void theContractIsCompatibleWithItself() {
        ContractDiff d = ContractDiff.between(CONTRACT, CONTRACT);
        assertThat(d.breaking).isEmpty();
        assertThat(d.additions).isEmpty();
    }

    @Test
    void additionsAreNotBreaking() {
        ContractDiff d = afterEdit(doc -> {
            ((ObjectNode) schema(doc, "Recommendation").get("properties")).putObject("displayOrder").put("type", "string");
            ((ArrayNode) schema(doc, "Alert").with("properties").with("severity").get("enum")).add("URGENT");
            doc.with("paths").putObject("/api/v1/explain").putObject("post").put("operationId", "explain");
            ((ObjectNode) path(doc, "/api/v1/guidance").get("post").get("responses"))
                    .putObject("429").put("description", "Too many requests");
        });
        assertThat(d.breaking).isEmpty();
        assertThat(d.additions).contains("schema Recommendation: property added: displayOrder", "path added: /api/v1/explain",
                "schema Alert.severity: enum value added: URGENT");
    }

    @Test
    void aRemovedPathOrOperationIsBreaking() {
        assertThat(afterEdit(doc -> doc.with("paths").remove("/api/v1/ruleset/history")).breaking)
                .containsExactly("path removed: /api/v1/ruleset/history");
        assertThat(afterEdit(doc -> path(doc, "/api/v1/guidance").remove("post")).breaking)
                .containsExactly("operation removed: POST /api/v1/guidance");
    }

    @Test
    void aRemovedPropertyIsBreakingInRequestsAndResponses() {
        assertThat(afterEdit(doc -> schema(doc, "Liver").with("properties").remove("albuminGDl")).breaking)
                .containsExactly("schema Liver: property removed: albuminGDl");
        assertThat(afterEdit(doc -> schema(doc, "Audit").with("properties").remove("rulesetVersion")).breaking)
                .containsExactly("schema Audit: property removed: rulesetVersion");
    }

    @Test
    void aRemovedEnumValueIsBreaking() {
        assertThat(afterEdit(doc -> {
            ArrayNode values = (ArrayNode) schema(doc, "Liver").with("properties").with("ascites").get("enum");
            values.remove(1);
        }).breaking).containsExactly("schema Liver.ascites: enum value removed: MILD");
    }

    @Test
    void aNewlyRequiredRequestFieldIsBreakingButANewlyRequiredResponseFieldIsNot() {
        assertThat(afterEdit(doc -> ((ArrayNode) schema(doc, "PatientCase").get("required")).add("bclcStage")).breaking)
                .containsExactly("schema PatientCase (request): property became required: bclcStage");
        assertThat(afterEdit(doc -> schema(doc, "Alert").putArray("required").add("code")).breaking).isEmpty();
    }

    @Test
    void aResponseFieldNoLongerRequiredIsBreaking() {
        ContractDiff d = ContractDiff.between(edit(doc -> schema(doc, "Alert").putArray("required").add("code")), CONTRACT);
        assertThat(d.breaking).containsExactly("schema Alert (response): property no longer required: code");
    }

    @Test
    void aChangedTypeARenamedSchemaAndARemovedParameterAreBreaking() {
        assertThat(afterEdit(doc -> schema(doc, "Tumour").with("properties").with("afpNgMl").put("type", "string")).breaking)
                .containsExactly("schema Tumour.afpNgMl: type changed from number to string");
        assertThat(afterEdit(doc -> schema(doc, "MissingData").put("description", "x")).breaking).isEmpty();
        assertThat(afterEdit(doc -> doc.with("components").with("schemas").set("Missing", doc.with("components")
                .with("schemas").remove("MissingData"))).breaking)
                .anyMatch(b -> b.startsWith("schema removed or renamed: MissingData"));
        assertThat(afterEdit(doc -> ((ObjectNode) path(doc, "/api/v1/guidance").get("post")).remove("parameters")).breaking)
                .containsExactly("POST /api/v1/guidance: parameter removed: rulesetVersion");
    }

    /** Not {@code with(...)}: Jackson reads an argument starting with '/' as a JSON Pointer. */
    private static ObjectNode path(ObjectNode doc, String path) {
        return (ObjectNode) doc.get("paths").get(path);
    }

    private static JsonNode edit(Consumer<ObjectNode> change) {
        ObjectNode changed = CONTRACT.deepCopy();
        change.accept(changed);
        return changed;
    }
}
