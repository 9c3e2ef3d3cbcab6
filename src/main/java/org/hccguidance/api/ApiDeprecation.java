package org.hccguidance.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation as deprecated (docs/api.md, "Deprecation"): the OpenAPI document flags it, and
 * every answer carries a {@code Deprecation} header (RFC 9745), a {@code Sunset} header (RFC 8594) once
 * a removal date is set, and a {@code Link} to the notes. Put it on the controller method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiDeprecation {

    /** The day it was deprecated, ISO 8601 ({@code 2026-01-31}). */
    String since();

    /** The day it may be removed (in a new API version only), ISO 8601; empty while not set. */
    String sunset() default "";

    /** Where the deprecation and the replacement are described; empty for none. */
    String link() default "";
}
