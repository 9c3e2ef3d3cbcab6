package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prefetch keys that are absent are fetched from the client's FHIR server with its bearer token, but only
 * from an allow-listed server: any other fhirServer is never contacted (no server-side request forgery).
 */
class CdsHooksFhirServerTests extends ServiceWithAdmin {

    CdsHttp cds;

    @BeforeEach
    void client() {
        cds = new CdsHttp(port);
        CdsTestClients.ALLOWED_FHIR.requests.clear();
        CdsTestClients.FORBIDDEN_FHIR.requests.clear();
        CdsTestClients.ALLOWED_FHIR.answers.clear();
    }

    /** The example as prefetch, with the conditions and medication statements left for the FHIR server. */
    ObjectNode withoutKeys(String fhirServer) {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").build();
        JsonNode conditions = req.with("prefetch").remove("conditions");
        JsonNode statements = req.with("prefetch").remove("medicationStatements");
        CdsTestClients.ALLOWED_FHIR.answers.put("Condition", conditions.toString());
        // The medication statements come back in two pages, the second on the same server.
        ObjectNode page1 = statements.deepCopy();
        ObjectNode page2 = statements.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) page1.withArray("entry")).remove(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) page2.withArray("entry")).remove(0);
        page1.putArray("link").addObject().put("relation", "next").put("url", CdsTestClients.ALLOWED_FHIR.base() + "/page-2");
        CdsTestClients.ALLOWED_FHIR.answers.put("MedicationStatement", page1.toString());
        CdsTestClients.ALLOWED_FHIR.answers.put("page-2", page2.toString());
        req.put("fhirServer", fhirServer);
        req.putObject("fhirAuthorization").put("access_token", "opaque-token-123").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "patient/Condition.read patient/MedicationStatement.read")
                .put("subject", "hcc-guidance").put("patient", "hcc-variceal-bleed");
        return req;
    }

    @Test
    void absentKeysAreFetchedFromAnAllowListedServerWithTheBearerToken() {
        Http.Reply r = cds.call("hcc-guidance", withoutKeys(CdsTestClients.ALLOWED_FHIR.base()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        CdsSpecChecks.validResponse(r.json());
        // The same guidance as with full prefetch: the bleed (a Condition) and the prior line (MedicationStatements) were read.
        assertThat(CdsHooksPatientViewTests.topics(r.json())).contains("NIVOLUMAB_IPILIMUMAB").doesNotContain("LENVATINIB");
        assertThat(CdsHooksPatientViewTests.card(r.json(), "ALERTS").path("detail").asText())
                .contains("| priorSystemicTherapies | line 1: ATEZOLIZUMAB\\_BEVACIZUMAB, PROGRESSION |");
        List<CdsTestClients.LoopbackFhirServer.Seen> seen = CdsTestClients.ALLOWED_FHIR.requests;
        assertThat(seen).extracting(CdsTestClients.LoopbackFhirServer.Seen::pathAndQuery)
                .containsExactly("/fhir/Condition?patient=hcc-variceal-bleed", "/fhir/MedicationStatement?patient=hcc-variceal-bleed", "/fhir/page-2");
        assertThat(seen).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer opaque-token-123"));
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void neitherPatientDataNorTheAccessTokenReachTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        Http.Reply r = cds.call("hcc-guidance", withoutKeys(CdsTestClients.ALLOWED_FHIR.base()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(cds.call("hcc-guidance", withoutKeys("http://127.0.0.1:1/fhir")).status()).isEqualTo(412);
        assertThat(output.getAll()).contains("hcc-guidance patient-view")
                .doesNotContain("hcc-variceal-bleed", "opaque-token-123", "1958-09-02", "Synthetic", "Bleeding esophageal");
    }

    @Test
    void aServerNotOnTheAllowListIsNeverContacted() {
        Http.Reply r = cds.call("hcc-guidance", withoutKeys(CdsTestClients.FORBIDDEN_FHIR.base()));
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().path("detail").asText()).contains("not on this service's allow-list");
        assertThat(CdsTestClients.FORBIDDEN_FHIR.requests).isEmpty();
        assertThat(CdsTestClients.ALLOWED_FHIR.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:%d/fhir-other",
            "http://127.0.0.1:%d/fhir/../admin",
            "http://127.0.0.1:%d/fhir/%%2e%%2e/admin",
            "http://user@127.0.0.1:%d/fhir",
            "http://127.0.0.1:%d/fhir?x=1",
            "http://127.0.0.1:%d/fhir#frag",
            "https://127.0.0.1:%d/fhir",
            "http://localhost:%d/fhir",
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data"})
    void spellingsThatAreNotTheAllowedServerAreNeverContacted(String template) {
        String url = template.contains("%d") ? String.format(template, CdsTestClients.ALLOWED_FHIR.port()) : template;
        Http.Reply r = cds.call("hcc-guidance", withoutKeys(url));
        assertThat(r.status()).as(url + " " + r.body()).isIn(400, 412);
        assertThat(CdsTestClients.ALLOWED_FHIR.requests).as(url).isEmpty();
    }

    @Test
    void aNextLinkToAnotherServerIsNotFollowed() {
        ObjectNode req = withoutKeys(CdsTestClients.ALLOWED_FHIR.base());
        CdsTestClients.ALLOWED_FHIR.answers.put("Condition", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[],"
                + "\"link\":[{\"relation\":\"next\",\"url\":\"" + CdsTestClients.FORBIDDEN_FHIR.base() + "/Condition?page=2\"}]}");
        Http.Reply r = cds.call("hcc-guidance", req);
        assertThat(r.status()).isEqualTo(412);
        assertThat(CdsTestClients.FORBIDDEN_FHIR.requests).isEmpty();
    }

    @Test
    void prefetchIsPreferredAndNothingIsFetchedWhenEveryKeyIsSent() {
        ObjectNode req = CdsHttp.example("variceal-bleed.json").build();
        req.put("fhirServer", CdsTestClients.ALLOWED_FHIR.base());
        req.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer").put("expires_in", 300)
                .put("scope", "patient/*.read").put("subject", "hcc-guidance");
        assertThat(cds.call("hcc-guidance", req).status()).isEqualTo(200);
        assertThat(CdsTestClients.ALLOWED_FHIR.requests).isEmpty();
    }

    @Test
    void normalisation() {
        assertThat(FhirServerClient.normalise("HTTPS://EHR.Example.org/fhir/")).contains("https://ehr.example.org:443/fhir");
        assertThat(FhirServerClient.normalise("http://ehr.example.org:80/fhir")).contains("http://ehr.example.org:80/fhir");
        assertThat(FhirServerClient.normalise("http://a@ehr.example.org/fhir")).isEmpty();
        assertThat(FhirServerClient.normalise("http://ehr.example.org/fhir/../x")).isEmpty();
        assertThat(FhirServerClient.normalise("ftp://ehr.example.org/fhir")).isEmpty();
    }
}
