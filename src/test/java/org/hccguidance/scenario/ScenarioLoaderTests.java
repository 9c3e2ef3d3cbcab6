package org.hccguidance.scenario;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioLoaderTests {

    private static final String GOOD = """
            id: t/good
            title: A good one
            source: Review section 4
            patient:
              ecog: 1
              liver: {childPughScore: 5}
            expect:
              setting: FIRST_LINE
              recommended:
                - ATEZOLIZUMAB_BEVACIZUMAB
                - {code: DURVALUMAB_TREMELIMUMAB, strength: STANDARD, rank: 2}
              notRecommended:
                - {code: RAMUCIRUMAB, reasonContains: below}
            """;

    @Test
    void aGoodFileParsesWithBothShortAndLongForms() {
        Scenario s = ScenarioLoader.parse("t/good.yaml", GOOD);
        assertThat(s.id()).isEqualTo("t/good");
        assertThat(s.expect().recommended()).extracting(OptionExpectation::code)
                .containsExactly("ATEZOLIZUMAB_BEVACIZUMAB", "DURVALUMAB_TREMELIMUMAB");
        assertThat(s.expect().recommended().get(1).rank()).isEqualTo(2);
        assertThat(s.expect().notRecommended().get(0).reasonContains()).isEqualTo("below");
    }

    @Test
    void anUnknownKeyNamesTheFileAndLine() {
        String text = GOOD.replace("  setting: FIRST_LINE", "  settting: FIRST_LINE");
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioLoader.parse("t/x.yaml", text));
        assertThat(e.problems()).singleElement().asString().startsWith("t/x.yaml:8:").contains("unknown key 'settting'");
    }

    @Test
    void anUnknownPatientFieldIsAnErrorToo() {
        String text = GOOD.replace("  ecog: 1", "  ecog: 1\n  ecgo: 2");
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioLoader.parse("t/x.yaml", text));
        assertThat(e.getMessage()).contains("t/x.yaml:6").contains("ecgo");
    }

    @Test
    void malformedYamlNamesTheLine() {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("t/x.yaml", "id: t/x\ntitle: [unclosed\nsource: s\n"));
        assertThat(e.getMessage()).startsWith("t/x.yaml:");
    }

    @Test
    void aWrongEnumValueIsNamed() {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("t/x.yaml", GOOD.replace("setting: FIRST_LINE", "setting: SECOND_LINE")));
        assertThat(e.getMessage()).contains("t/x.yaml:8").contains("SECOND_LINE");
    }

    @Test
    void missingPartsAndAnInvalidPatientAreAllReported() {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("t/x.yaml", "id: t/x\npatient:\n  ecog: 9\n  liver: {}\n"));
        assertThat(e.problems()).contains("t/x.yaml: missing required key 'title'", "t/x.yaml: missing required key 'source'",
                "t/x.yaml: missing required key 'expect'").anyMatch(p -> p.contains("patient.ecog"));
    }

    @Test
    void duplicateIdsAreRefused() {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parseAll(Map.of("a.yaml", GOOD, "b.yaml", GOOD)));
        assertThat(e.getMessage()).contains("id 't/good' is already used by a.yaml");
    }

    @Test
    void anEmptyFileIsAnError() {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioLoader.parse("t/e.yaml", ""));
        assertThat(e.getMessage()).contains("t/e.yaml");
    }
}
