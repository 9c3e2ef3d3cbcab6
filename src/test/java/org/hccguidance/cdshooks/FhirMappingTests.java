package org.hccguidance.cdshooks;

import org.hccguidance.ShippedRules;
import org.hccguidance.TestFiles;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.TherapyOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The FHIR mapping and its tables, without the web server. */
class FhirMappingTests {

    static final UnitConverter UNITS = new UnitConverter();
    static final FhirParsing FHIR = new FhirParsing();
    static final TerminologySource SHIPPED = new TerminologySource(Optional.of(Path.of("rules/terminology")), UNITS);

    @ParameterizedTest(name = "{0} {1} -> {3} {2}")
    @CsvSource({
            "17.1, umol/L, mg/dL, 1.0, 584.66",
            "34.2, umol/L, mg/dL, 2.0, 584.66",
            "1.0, mg/dL, mg/dL, 1.0, ",
            "39, g/L, g/dL, 3.9, ",
            "3.9, g/dL, g/dL, 3.9, ",
            "520, ug/L, ng/mL, 520, ",
            "180, mg/(24.h), g/(24.h), 0.18, ",
            "3.6, g/d, g/(24.h), 3.6, ",
            "142000, /uL, 10*9/L, 142, ",
            "1.1, {INR}, 1, 1.1, ",
            "1.1, , 1, 1.1, "})
    void ucumConversions(double value, String unit, String target, double expected, Double molarMass) {
        UnitConverter.Result r = UNITS.convert(value, unit, target, molarMass);
        assertThat(r.refusal()).isNull();
        assertThat(r.value()).isCloseTo(expected, within(0.01));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[IU]/mL|ng/mL|cannot be converted to ng/mL",
            "mg per dL|mg/dL|is not a UCUM unit",
            "umol/L|mg/dL|no molar mass is configured",
            "g/L|mg/dL/h|cannot be converted"})
    void unconvertibleUnitsAreRefusedWithTheReason(String unit, String target, String reason) {
        UnitConverter.Result r = UNITS.convert(10, unit, target, null);
        assertThat(r.value()).isNull();
        assertThat(r.refusal()).contains(reason);
    }

    @Test
    void theShippedTablesAreWellFormedAndEveryAgentIsInTheRegimenCatalogue() {
        Terminology t = SHIPPED.current();
        var agents = PatientMapper.catalogueAgents(ShippedRules.ruleSet().reference().regimens());
        assertThat(t.ofKind("agent")).isNotEmpty().allSatisfy(c -> assertThat(agents).contains(c.target()));
        assertThat(t.find("condition", "http://hl7.org/fhir/sid/icd-10-cm", "C78.01")).get()
                .extracting(Terminology.Code::target).isEqualTo("tumour.extrahepaticSpread");
        assertThat(t.find("condition", "http://hl7.org/fhir/sid/icd-10-cm", "C22.0")).get()
                .extracting(Terminology.Code::target).isEqualTo("hcc");
        assertThat(t.find("condition", "http://hl7.org/fhir/sid/icd-10-cm", "C22.1")).isEmpty();
        assertThat(t.lookbackDays("liver.bilirubinMgDl")).isEqualTo(30);
        assertThat(t.lookbackDays("genomic.variant")).isNull();
        assertThat(t.overrideReasons("order-check")).isNotEmpty().allSatisfy(r -> assertThat(r.display()).isNotBlank());
    }

    @Test
    void aBadEditKeepsThePreviousTablesAndAGoodOneIsPickedUp() throws Exception {
        Path dir = TestFiles.copyTree(Path.of("rules/terminology"), TestFiles.tempDir("terminology").resolve("terminology"));
        TerminologySource source = new TerminologySource(Optional.of(dir), UNITS);
        Path table = dir.resolve("terminology.tsv");
        Files.writeString(table, Files.readString(table) + "http://x\tA1\tnot-a-kind\thcc\tpresent\tbad row\n");
        Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1100);
        assertThat(source.current().find("condition", "http://x", "A1")).isEmpty();
        String fixed = Files.readString(table).replace("not-a-kind", "condition");
        Files.writeString(table, fixed);
        Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(10)));
        Thread.sleep(1100);
        assertThat(source.current().find("condition", "http://x", "A1")).isPresent();
        Files.writeString(dir.resolve("fields.tsv"), Files.readString(dir.resolve("fields.tsv")).replace("\tng/mL\t", "\tng/mLL\t"));
        try {
            new TerminologySource(Optional.of(dir), UNITS);
            throw new AssertionError("a unit that is not UCUM must be refused at start-up");
        } catch (TerminologySource.TableException e) {
            assertThat(e.getMessage()).contains("fields.tsv:").contains("ng/mLL");
        }
    }

    static MappedPatient map(String example) throws Exception {
        var request = CdsRequestBuilder.of(CdsHttp.EXAMPLES.resolve(example)).shiftDatesTo(Clock.systemUTC()).build();
        List<Resource> resources = new ArrayList<>();
        request.path("prefetch").fields().forEachRemaining(e -> resources.addAll(FHIR.resources(e.getValue(), e.getKey())));
        return new PatientMapper(SHIPPED.current(), UNITS, ShippedRules.ruleSet().reference().regimens(), Instant.now())
                .map(FhirRecord.of(resources));
    }

    @Test
    void theProgressionExampleMapsToTheExpectedPatient() throws Exception {
        MappedPatient m = map("post-atezo-bev-progression.json");
        assertThat(m.hcc()).isTrue();
        assertThat(m.blockers()).isEmpty();
        PatientCase p = m.patient();
        assertThat(p.ecog()).isEqualTo(1);
        assertThat(p.bclcStage().json()).isEqualTo("C");
        assertThat(p.liver().bilirubinMgDl()).isCloseTo(1.0, within(0.01));
        assertThat(p.liver().albuminGDl()).isEqualTo(3.9);
        assertThat(p.liver().inr()).isEqualTo(1.0);
        assertThat(p.liver().ascites().name()).isEqualTo("NONE");
        assertThat(p.tumour().afpNgMl()).isEqualTo(520.0);
        assertThat(p.priorSystemicTherapies()).singleElement().satisfies(t -> {
            assertThat(t.regimen()).isEqualTo("ATEZOLIZUMAB_BEVACIZUMAB");
            assertThat(t.line()).isEqualTo(1);
            assertThat(t.outcome()).isEqualTo(TherapyOutcome.PROGRESSION);
        });
        assertThat(p.progression().progressingLesions()).isEqualTo(6);
        assertThat(p.progression().otherDiseaseControlled()).isFalse();
        assertThat(p.risks().untreatedHighRiskVarices()).isFalse();
        assertThat(p.risks().nephroticProteinuria()).isFalse();
        assertThat(p.risks().activeAutoimmuneDisease()).isFalse();
        assertThat(p.risks().recentVaricealBleeding()).isNull();
        assertThat(p.risks().endoscopyWithinSixMonths()).isTrue();
        assertThat(p.labs().plateletsE9L()).isEqualTo(142.0);
        assertThat(p.labs().egfrMlMin()).isEqualTo(78.0);
        assertThat(p.labs().urineProteinGPer24h()).isEqualTo(0.18);
        assertThat(p.hepatitis().hbsAg().name()).isEqualTo("NEGATIVE");
        assertThat(p.molecularProfile().tested()).isTrue();
        assertThat(p.molecularProfile().alterations()).singleElement().satisfies(a -> assertThat(a.gene()).isEqualTo("TP53"));
        assertThat(m.missing()).extracting(MappedPatient.Note::field).contains("risks.recentVaricealBleeding")
                .doesNotContain("risks.untreatedHighRiskVarices", "tumour.afpNgMl");
    }

    @Test
    void theChildPughBExampleReadsIntoleranceAndTheImmuneAdverseEvent() throws Exception {
        PatientCase p = map("child-pugh-b.json").patient();
        assertThat(p.priorSystemicTherapies()).singleElement().satisfies(t -> {
            assertThat(t.regimen()).isEqualTo("DURVALUMAB_TREMELIMUMAB");
            assertThat(t.outcome()).isEqualTo(TherapyOutcome.INTOLERANCE);
        });
        assertThat(p.adverseEvents()).singleElement().satisfies(e -> {
            assertThat(e.term()).isEqualTo("COLITIS");
            assertThat(e.grade()).isEqualTo(3);
            assertThat(e.immuneRelated()).isTrue();
            assertThat(e.resolved()).isTrue();
        });
        assertThat(p.liver().ascites().name()).isEqualTo("MILD");
        assertThat(p.liver().bilirubinMgDl()).isEqualTo(1.6);
    }

    @Test
    void theBleedIsRecentAndTheFirstLinePatientHasNoPriorLine() throws Exception {
        assertThat(map("variceal-bleed.json").patient().risks().recentVaricealBleeding()).isTrue();
        PatientCase first = map("first-line.json").patient();
        assertThat(first.priorSystemicTherapies()).isEmpty();
        assertThat(first.risks().organTransplant()).isFalse();
    }
}
