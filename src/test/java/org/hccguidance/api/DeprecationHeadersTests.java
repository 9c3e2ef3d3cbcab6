package org.hccguidance.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.HandlerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/** One annotation announces a deprecation in the answers' headers and in the OpenAPI document alike. */
class DeprecationHeadersTests {

    static class Endpoints {

        @ApiDeprecation(since = "2026-01-31", sunset = "2026-12-31", link = "/docs/api.md")
        public String old() {
            return "old";
        }

        public String current() {
            return "current";
        }
    }

    private static HandlerMethod method(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getMethod(name));
    }

    @Test
    void aDeprecatedOperationsAnswersCarryTheHeaders() throws Exception {
        MockHttpServletResponse deprecated = handle(method("old"));
        assertThat(deprecated.getHeader("Deprecation")).isEqualTo("@1769817600");
        assertThat(deprecated.getHeader("Sunset")).isEqualTo("Thu, 31 Dec 2026 00:00:00 GMT");
        assertThat(deprecated.getHeader("Link")).isEqualTo("</docs/api.md>; rel=\"deprecation\"");
        MockHttpServletResponse current = handle(method("current"));
        assertThat(current.getHeaderNames()).doesNotContain("Deprecation", "Sunset", "Link");
    }

    @Test
    void theDocumentFlagsTheOperationAndNamesTheHeaders() throws Exception {
        Operation op = new Operation().description("Does it the old way.")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")));
        new DeprecationHeaders().guidanceDeprecations().customize(op, method("old"));
        assertThat(op.getDeprecated()).isTrue();
        assertThat(op.getDescription()).startsWith("Deprecated since 2026-01-31; may be removed after 2026-12-31");
        assertThat(op.getResponses().get("200").getHeaders()).containsKeys("Deprecation", "Sunset");
        Operation current = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        new DeprecationHeaders().guidanceDeprecations().customize(current, method("current"));
        assertThat(current.getDeprecated()).isNull();
    }

    /** The registry keeps what was registered to itself; this one hands it over. */
    static class Registry extends InterceptorRegistry {
        java.util.List<Object> registered() {
            return getInterceptors();
        }
    }

    private static MockHttpServletResponse handle(HandlerMethod handler) throws Exception {
        Registry registry = new Registry();
        new DeprecationHeaders().addInterceptors(registry);
        MockHttpServletResponse response = new MockHttpServletResponse();
        for (Object interceptor : registry.registered()) {
            ((HandlerInterceptor) interceptor).preHandle(new MockHttpServletRequest(), response, handler);
        }
        return response;
    }
}
