package org.hccguidance.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code guidance.openapi.*}: what the OpenAPI document says beyond what the code says.
 *
 * @param exampleScenarios ids of committee scenarios whose patients are the request examples (and whose
 *                         guidance, evaluated when the document is first served, the response examples)
 * @param contact          who integrators should talk to; an operator deploying the service names its own team
 */
@ConfigurationProperties("guidance.openapi")
public record OpenApiProperties(@DefaultValue List<String> exampleScenarios, @DefaultValue Contact contact) {

    /** Any of the three may be empty; empty parts are left out of the document. */
    public record Contact(@DefaultValue("HCC Guidance maintainers") String name, String url, String email) {
    }
}
