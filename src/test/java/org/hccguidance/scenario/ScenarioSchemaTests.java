package org.hccguidance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.hccguidance.ShippedRules;
import org.hccguidance.facts.PatientCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The scenario files' JSON Schema (scenarios/scenario.schema.json) is the one generated from the
 * loader's model, every shipped scenario file names it on its first line and passes it, and the schema
 * and the loader refuse the same mistakes. {@code -Dscenario-schema.update=true} rewrites the committed
 * schema from the model (docs/scenarios.md).
 */
class ScenarioSchemaTests {

    private static final Path FOLDER = Path.of("scenarios");
    private static final Path COMMITTED = FOLDER.resolve(ScenarioSchema.FILE);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Schema schema;

    private static final String MINIMAL = """
            # yaml-language-server: $schema=../scenario.schema.json
            id: t/minimal
            title: A minimal scenario
            source: committee decision
            patient:
              ecog: 1
              liver: {childPughScore: 5}
            expect:
              setting: POST_IO_PROGRESSION
              recommended:
                - LENVATINIB
                - {code: NIVOLUMAB_IPILIMUMAB, strength: STANDARD, rank: 1}
              notRecommended: [{code: RAMUCIRUMAB, reasonContains: below}]
              trialsNotOffered: [NCT04435977]
            """;

    private static JsonNode read(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(p + " cannot be read; write it with -Dscenario-schema.update=true", e);
        }
    }

    private static List<String> schemaErrors(String yaml) throws IOException {
        if (schema == null) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(read(COMMITTED));
        }
        return schema.validate(YAML.readTree(yaml)).stream().map(Error::toString).toList();
    }

    private static List<String> loaderErrors(String yaml) {
        try {
            ScenarioLoader.parse("t/x.yaml", yaml);
            return List.of();
        } catch (ScenarioFormatException e) {
            return e.problems();
        }
    }

    @Test
    void theCommittedSchemaIsTheOneGeneratedFromTheLoadersModel() throws IOException {
        String generated = JSON.writeValueAsString(ScenarioSchema.generate()) + "\n";
        if (Boolean.getBoolean("scenario-schema.update")) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.readString(COMMITTED)).as(COMMITTED + " is stale: rewrite it with "
                + "mvn test -Dtest=ScenarioSchemaTests -Dscenario-schema.update=true").isEqualTo(generated);
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(read(COMMITTED))).isEmpty();
        assertThat(read(COMMITTED).get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyShippedScenarioPassesTheSchema() throws IOException {
        Map<String, List<String>> failures = new TreeMap<>();
        for (Path file : scenarioFiles()) {
            List<String> errors = schemaErrors(Files.readString(file, StandardCharsets.UTF_8));
            if (!errors.isEmpty()) {
                failures.put(FOLDER.relativize(file).toString(), errors);
            }
        }
        assertThat(scenarioFiles()).hasSizeGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    /** Files are added in parallel by several people: every one missing the line is listed at once. */
    @Test
    void everyScenarioFileNamesTheSchemaOnItsFirstLine() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            String relative = FOLDER.relativize(file).toString().replace('\\', '/');
            String expected = ScenarioSchema.schemaLine(relative);
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (!first.equals(expected.strip())) {
                missing.add(relative + " (first line must be: " + expected.strip() + ")");
            }
        }
        assertThat(missing).as("scenario files without the schema line that editors validate against (docs/scenarios.md)")
                .isEmpty();
    }

    @Test
    void aTypoInExpectIsCaughtByTheSchemaAndByTheLoaderAlike() throws IOException {
        String typo = MINIMAL.substring(0, MINIMAL.indexOf("expect:")) + "expect: {recomend: [LENVATINIB]}\n";
        assertThat(schemaErrors(typo)).singleElement().asString().contains("recomend");
        assertThat(loaderErrors(typo)).singleElement().asString().contains("unknown key 'recomend'");
        assertThat(schemaErrors(MINIMAL)).isEmpty();
        assertThat(loaderErrors(MINIMAL)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level key|title: A minimal scenario|title: A minimal scenario\\nnotes: x",
            "missing title|title: A minimal scenario\\n|",
            "blank title|title: A minimal scenario|title: ''",
            "id with capitals|id: t/minimal|id: T/Minimal",
            "unknown patient field|  ecog: 1|  ecog: 1\\n  ecgo: 2",
            "ECOG out of range|  ecog: 1|  ecog: 9",
            "ECOG as text|  ecog: 1|  ecog: one",
            "fraction for a count|  ecog: 1|  ecog: 1.5",
            "missing liver|  liver: {childPughScore: 5}\\n|",
            "Child-Pugh score out of range|childPughScore: 5|childPughScore: 16",
            "negative albumin|liver: {childPughScore: 5}|liver: {albuminGDl: -1}",
            "unknown enum value in the patient|liver: {childPughScore: 5}|liver: {ascites: LOTS}",
            "unknown setting|setting: POST_IO_PROGRESSION|setting: SECOND_LINE",
            "unknown strength|strength: STANDARD|strength: STRONG",
            "option without a code|{code: NIVOLUMAB_IPILIMUMAB, strength: STANDARD, rank: 1}|{strength: STANDARD, rank: 1}",
            "unknown key in an option|rank: 1}|rank: 1, why: x}",
            "regimen code in lower case|  ecog: 1|  ecog: 1\\n  priorSystemicTherapies: [{regimen: lenvatinib, line: 1, outcome: PROGRESSION}]",
            "missing expect|expect:|notexpect:"})
    void theSchemaAndTheLoaderRefuseTheSameMistakes(String name, String from, String to) throws IOException {
        String text = MINIMAL.replace(from.replace("\\n", "\n"), to == null ? "" : to.replace("\\n", "\n"));
        assertThat(text).as(name + ": the edit applies").isNotEqualTo(MINIMAL);
        assertThat(schemaErrors(text)).as(name + " (schema)").isNotEmpty();
        assertThat(loaderErrors(text)).as(name + " (loader)").isNotEmpty();
    }

    @Test
    void absentAndNullMeanTheSameToBoth() throws IOException {
        String withNulls = MINIMAL.replace("  ecog: 1", "  ecog: 1\n  tumour: ~\n  bclcStage: ~");
        assertThat(schemaErrors(withNulls)).isEmpty();
        assertThat(loaderErrors(withNulls)).isEmpty();
    }

    @Test
    void aRecordedScenarioStartsWithTheSchemaLineAndPassesTheSchema() throws IOException {
        PatientCase patient = ScenarioLoader.parse("t/minimal.yaml", MINIMAL).patient();
        String recorded = ScenarioRecorder.record("post-io/recorded-case", patient, ShippedRules.evaluate(patient));
        assertThat(recorded.lines().findFirst()).contains("# yaml-language-server: $schema=../scenario.schema.json");
        assertThat(schemaErrors(recorded)).isEmpty();
        assertThat(loaderErrors(recorded)).isEmpty();
    }

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            return walk.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioFile).sorted().toList();
        }
    }

    @Test
    void theLoaderIgnoresTheSchemaFileInTheScenarioFolder() {
        assertThat(ScenarioLoader.isScenarioFile(COMMITTED)).isFalse();
        assertThat(catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioLoader.fromDirectory(FOLDER))).isNull();
    }
}
