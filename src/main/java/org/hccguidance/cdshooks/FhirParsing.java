package org.hccguidance.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses FHIR R4 JSON with HAPI FHIR's R4 model. One {@link FhirContext} for the service (it is
 * thread-safe); HAPI scans its model classes on the first parse of each resource type (about a second),
 * so a background thread does that at start-up, alongside the rule compilation, and neither start-up nor
 * the first CDS call waits for it. Parse problems are never logged: HAPI's messages can quote
 * values. Unknown elements are ignored (EHRs add their own), as FHIR's own rules for readers allow.
 */
@Component
public class FhirParsing {

    private static final Logger log = LoggerFactory.getLogger(FhirParsing.class);

    private final FhirContext fhir;

    public FhirParsing() {
        this.fhir = FhirContext.forR4();
        this.fhir.setParserErrorHandler(new LenientErrorHandler(false));
        Thread warmUp = new Thread(this::warmUp, "fhir-model-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp() {
        long start = System.nanoTime();
        parse("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\"}},{\"resource\":{\"resourceType\":\"Condition\"}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}},{\"resource\":{\"resourceType\":\"MedicationRequest\"}},"
                + "{\"resource\":{\"resourceType\":\"MedicationStatement\"}},{\"resource\":{\"resourceType\":\"MedicationAdministration\"}},"
                + "{\"resource\":{\"resourceType\":\"Medication\"}},{\"resource\":{\"resourceType\":\"AdverseEvent\"}},"
                + "{\"resource\":{\"resourceType\":\"Procedure\"}}]}");
        log.info("FHIR R4 model ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    public FhirContext context() {
        return fhir;
    }

    /** A resource from JSON text; {@link DataFormatException} when it is not FHIR R4. */
    public IBaseResource parse(String json) {
        IParser parser = fhir.newJsonParser();
        return parser.parseResource(json);
    }

    /**
     * The resources in one prefetch value or FHIR response: the entries of a Bundle, or the resource itself.
     *
     * @param where names the value in an error ("prefetch.conditions")
     */
    public List<Resource> resources(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isObject() || !value.path("resourceType").isTextual()) {
            throw new CdsRequestException(where, "not a FHIR resource (an object with a resourceType)");
        }
        IBaseResource parsed;
        try {
            parsed = parse(value.toString());
        } catch (DataFormatException | ClassCastException e) {
            throw new CdsRequestException(where, "not readable as a FHIR R4 " + value.path("resourceType").asText("resource"));
        }
        return flatten(parsed);
    }

    public String encode(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    static List<Resource> flatten(IBaseResource parsed) {
        List<Resource> out = new ArrayList<>();
        if (parsed instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (e.getResource() instanceof Bundle inner) {
                    out.addAll(flatten(inner));
                } else if (e.getResource() != null) {
                    out.add(e.getResource());
                }
            }
        } else if (parsed instanceof Resource r) {
            out.add(r);
        }
        return out;
    }
}
