package org.hccguidance.facts;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How patient JSON is read everywhere (service, CLI, scenarios): strictly. A misspelt field, a
 * string where a number belongs or a fraction where a count belongs is an error, never a silent
 * default, because a silently dropped field in a clinical request changes the advice.
 */
public final class PatientJson {

    /** Deepest nesting a patient document needs is about 4; anything far deeper is hostile. */
    public static final int MAX_NESTING = 32;

    private PatientJson() {
    }

    public static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B strict(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule());
    }

    public static ObjectMapper mapper() {
        // A key given twice is ambiguous clinical input, not "last one wins".
        JsonMapper mapper = strict(JsonMapper.builder())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        return mapper;
    }
}
