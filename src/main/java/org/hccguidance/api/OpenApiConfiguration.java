package org.hccguidance.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.hccguidance.GuidanceApplication;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.scenario.ScenarioGateService;
import org.hccguidance.security.EndpointAccess;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * The OpenAPI document's fixed parts: what the service is, its version (the Maven project version,
 * from {@code META-INF/build-info.properties}), licence, contact, the two HTTP Basic schemes and the
 * problem schema. Everything per operation (who may call it, how it fails, examples) is added by
 * {@link OpenApiContract} from the code that enforces it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenApiProperties.class)
class OpenApiConfiguration {

    static final String ADMIN_SCHEME = "adminBasic";
    static final String CLIENT_SCHEME = "clientBasic";

    private static final String DESCRIPTION = """
            Rule-based treatment guidance for advanced hepatocellular carcinoma (HCC), above all after \
            progression on, or intolerance of, first-line immunotherapy. Given one patient the service \
            answers which options fit and how firmly (with the facts that led there, the evidence and the \
            cautions), which options are ruled out and why, which recruiting trials match, which alerts a \
            clinician must read, and which missing data would change the answer.

            This is decision support for clinicians, not a prescription: every case after immunotherapy is \
            flagged for multidisciplinary team discussion.

            **Access.** Guidance on the live rule set and the read-only rule set views are open, or need the \
            `clientBasic` (or `adminBasic`) account where the operator sets \
            `guidance.security.require-client-auth=true`. Everything else (reloads, scenario runs, \
            re-evaluation on a stored rule set version) needs `adminBasic`. Send credentials over TLS only.

            **Errors.** Every error answer is `application/problem+json` (RFC 9457) with the `Problem` \
            schema: bad input is 400 and `errors` names every field at fault (at most 100, `moreErrors` \
            counts the rest). Unknown fields, duplicate keys and wrong types are refused, never ignored.

            **Versions.** Paths under `/api/v1` keep their meaning for the life of v1: fields and \
            operations may be added, never removed or changed in meaning; clients must ignore unknown \
            response fields and tolerate new enum values. Deprecated operations and fields are flagged \
            `deprecated` here and answered with a `Deprecation` header before they go. \
            Each guidance answer names the rule set that produced it (`audit.rulesetVersion`, a content \
            hash); an admin can re-evaluate the same patient on that version later.
            """;

    @Bean
    OpenAPI guidanceOpenApi(ObjectProvider<BuildProperties> build, OpenApiProperties props) {
        Components components = new Components()
                .addSecuritySchemes(ADMIN_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Administrator account (GUIDANCE_ADMIN_USER / GUIDANCE_ADMIN_PASSWORD). "
                                + "Without a configured admin password every admin operation answers 403."))
                .addSecuritySchemes(CLIENT_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Client system account (GUIDANCE_CLIENT_USER / GUIDANCE_CLIENT_PASSWORD); "
                                + "needed for the guidance and rule set views only where the operator requires it."));
        return new OpenAPI()
                .info(new Info()
                        .title("HCC Guidance API")
                        .version(version(build.getIfAvailable()))
                        .description(DESCRIPTION)
                        .contact(contact(props.contact()))
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                // Relative: the API is wherever this document was fetched from. No host is named, so
                // neither a test's random port nor a developer's machine ends up in the contract.
                .servers(List.of(new Server().url("/").description("This service: the host and port this document "
                        + "was fetched from")))
                .components(components);
    }

    @Bean
    OpenApiCustomizer guidanceOpenApiContract(EndpointAccess access, GuidanceProperties guidance,
                                              ObjectProvider<GuidanceService> service,
                                              ObjectProvider<ScenarioGateService> scenarios, OpenApiProperties props,
                                              ObjectMapper json) {
        return new OpenApiContract(access, guidance.security().requireClientAuth(),
                new ScenarioExamples(props.exampleScenarios(), scenarios::getIfAvailable, service::getIfAvailable, json));
    }

    @Bean
    OperationCustomizer guidanceProblemResponses() {
        return OpenApiContract.declaredProblemResponses();
    }

    /** The Maven project version; a build that skipped build-info (an IDE run) says so rather than guess. */
    static String version(BuildProperties build) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifest = GuidanceApplication.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "0.0.0-unknown";
    }

    private static Contact contact(OpenApiProperties.Contact c) {
        Contact contact = new Contact().name(c.name());
        if (StringUtils.hasText(c.url())) {
            contact.url(c.url());
        }
        if (StringUtils.hasText(c.email())) {
            contact.email(c.email());
        }
        return contact;
    }
}
