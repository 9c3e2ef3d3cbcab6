package org.hccguidance.workbench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient form against crafted and ordinary submissions, without a server. */
class PatientFormTests {

    final PatientForm form = new PatientForm();

    @Test
    void aCraftedRowIndexCannotGrowTheFormOrBreakIt() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("priorSystemicTherapies[50000000].regimen", "X");
        values.put("priorSystemicTherapies[x].regimen", "X");
        values.put("priorSystemicTherapies[3", "X");
        values.put("adverseEvents[4].term", "COLITIS");
        List<FormSection> sections = form.sections(values, Map.of());
        assertThat(section(sections, "priorSystemicTherapies").rows()).hasSize(PatientForm.EMPTY_ROWS);
        assertThat(section(sections, "adverseEvents").rows()).hasSize(6);
    }

    @Test
    void theFormBecomesTheApiBodyWithUnknownsLeftOutAndEmptyRowsDropped() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("ecog", new String[] {"1"});
        params.put("tumour.afpNgMl", new String[] {"400.5"});
        params.put("risks.recentVaricealBleeding", new String[] {"true"});
        params.put("risks.pregnant", new String[] {""});
        params.put("progression.patterns", new String[] {"IHG", "NVI"});
        params.put("priorSystemicTherapies[0].regimen", new String[] {"ATEZOLIZUMAB_BEVACIZUMAB"});
        params.put("priorSystemicTherapies[0].line", new String[] {"1"});
        params.put("priorSystemicTherapies[1].regimen", new String[] {""});
        params.put("liver.childPughScore", new String[] {"five"});
        PatientForm.Conversion c = form.toJson(params);
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("liver.childPughScore"));
        assertThat(c.body().toString()).isEqualTo("{\"ecog\":1,\"tumour\":{\"afpNgMl\":400.5},\"progression\":{\"patterns\":"
                + "[\"IHG\",\"NVI\"]},\"risks\":{\"recentVaricealBleeding\":true},\"priorSystemicTherapies\":"
                + "[{\"regimen\":\"ATEZOLIZUMAB_BEVACIZUMAB\",\"line\":1}]}");
    }

    private static FormSection section(List<FormSection> sections, String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
