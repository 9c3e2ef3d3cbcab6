package org.hccguidance.api;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Announces {@link ApiDeprecation}s in both places a client can see them: as headers on every answer
 * of the operation, and as {@code deprecated: true} plus the same headers in the OpenAPI document. One
 * annotation drives both, so the document and the answers cannot disagree.
 */
@Configuration(proxyBeanMethods = false)
class DeprecationHeaders implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    ApiDeprecation d = method.getMethodAnnotation(ApiDeprecation.class);
                    if (d != null) {
                        write(d, response);
                    }
                }
                return true;
            }
        });
    }

    @Bean
    OperationCustomizer guidanceDeprecations() {
        return (operation, handler) -> {
            ApiDeprecation d = handler.getMethodAnnotation(ApiDeprecation.class);
            if (d != null) {
                operation.setDeprecated(true);
                String note = "Deprecated since " + d.since() + (d.sunset().isEmpty() ? "" : "; may be removed after "
                        + d.sunset() + " in a new API version") + (d.link().isEmpty() ? "" : "; see " + d.link()) + ".";
                operation.setDescription(operation.getDescription() == null ? note : note + " " + operation.getDescription());
                if (operation.getResponses() != null) {
                    operation.getResponses().values().forEach(r -> {
                        r.addHeaderObject("Deprecation", new Header().description("RFC 9745: when the operation was "
                                + "deprecated, as @ and Unix time.").schema(new StringSchema().example(deprecation(d))));
                        if (!d.sunset().isEmpty()) {
                            r.addHeaderObject("Sunset", new Header().description("RFC 8594: the earliest removal date.")
                                    .schema(new StringSchema().example(sunset(d))));
                        }
                    });
                }
            }
            return operation;
        };
    }

    static void write(ApiDeprecation d, HttpServletResponse response) {
        response.setHeader("Deprecation", deprecation(d));
        if (!d.sunset().isEmpty()) {
            response.setHeader("Sunset", sunset(d));
        }
        if (!d.link().isEmpty()) {
            response.addHeader("Link", "<" + d.link() + ">; rel=\"deprecation\"");
        }
    }

    /** RFC 9745 writes the date as a structured-field date: {@code @} and seconds since the epoch. */
    static String deprecation(ApiDeprecation d) {
        return "@" + LocalDate.parse(d.since()).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** RFC 8594 writes the date as an HTTP date. */
    static String sunset(ApiDeprecation d) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(LocalDate.parse(d.sunset()).atStartOfDay(ZoneOffset.UTC));
    }
}
