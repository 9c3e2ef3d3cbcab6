package org.hccguidance.guidance;

import org.hccguidance.facts.FieldProblem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.facts.PatientValidation;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a patient from a request body. Parsing happens here rather than in the web framework so
 * that what fails is reported field by field to the caller, while the exception itself, which
 * frameworks may log, carries field names only and never a patient value.
 */
public final class PatientRequestReader {

    private static final ObjectMapper JSON = PatientJson.mapper();

    private PatientRequestReader() {
    }

    public static PatientCase read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "request body is empty; send a patient as JSON")));
        }
        PatientCase patient;
        try {
            patient = JSON.readValue(body, PatientCase.class);
        } catch (StreamConstraintsException e) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "the body exceeds a structural limit (nesting or size)")));
        } catch (JsonParseException e) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (JsonMappingException e) {
            throw new InvalidPatientException(List.of(new FieldProblem(path(e), describe(e))));
        } catch (JsonProcessingException e) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "the body is not valid JSON")));
        } catch (IOException e) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "the body could not be read")));
        }
        if (patient == null) {
            throw new InvalidPatientException(List.of(new FieldProblem("(body)", "the body is null; send a patient as JSON")));
        }
        List<FieldProblem> problems = PatientValidation.violations(patient);
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(problems);
        }
        return patient;
    }

    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    public static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException upe) {
            return "unknown field '" + upe.getPropertyName() + "'";
        }
        Class<?> target = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            return "not one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target != null) {
            return "wrong type, expected " + kind(target);
        }
        return "invalid value";
    }

    private static String kind(Class<?> target) {
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number" + (target == Integer.class || target == int.class ? " without a fraction" : "");
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        return "an object";
    }
}
