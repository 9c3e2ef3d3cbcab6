package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.Hidden;
import org.hccguidance.facts.PatientCase;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark baseline, present only under the {@code benchmark} profile: the same request parsing
 * and validation as the guidance endpoint, and a JSON answer, but no rules. The ratio of guidance to
 * this endpoint's throughput is the cost of the rules over the web stack.
 */
@RestController
@Profile("benchmark")
@Hidden
class BaselineController {

    @PostMapping(path = "/api/v1/baseline", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    PatientCase echo(@RequestBody byte[] body) {
        return PatientRequestReader.read(body);
    }
}
