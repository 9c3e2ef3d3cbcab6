package org.hccguidance.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.ServletException;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.facts.FieldProblem;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.guidance.PatientRequestReader;
import org.hccguidance.scenario.ScenarioFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every failure becomes an {@code application/problem+json} response that names what is wrong.
 * <ul>
 *   <li>Bad input, and only bad input, is 400: our own {@link InvalidPatientException} and
 *       {@link BadRequestException}, and the framework's own unreadable-body and validation errors.</li>
 *   <li>Any other exception or {@link Error} is a 500 with a fixed detail: a bug in this service must not
 *       look like a client's mistake, and its message, which may carry patient values, is neither shown
 *       nor logged; the log names the exception type (and where it was thrown, for exceptions).</li>
 *   <li>Every error list is capped at {@link #MAX_ERRORS} entries, with {@code moreErrors} saying how
 *       many were left out, so that a small hostile body cannot produce a huge error document.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** Most entries any error document lists. */
    static final int MAX_ERRORS = 100;

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException jme && !(cause instanceof StreamConstraintsException)) {
            return invalid(List.of(new FieldProblem(PatientRequestReader.path(jme), PatientRequestReader.describe(jme))));
        }
        String detail;
        if (cause instanceof StreamConstraintsException sce) {
            detail = "request body exceeds a structural limit: " + firstLine(sce.getOriginalMessage());
        } else if (cause instanceof JsonParseException jpe) {
            detail = "malformed JSON at line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr() + ": " + firstLine(jpe.getOriginalMessage());
        } else {
            detail = "request body is missing or is not readable JSON";
        }
        return ResponseEntity.badRequest().body(document(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> new FieldProblem(fe.getField(), fe.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> problems.add(
                new FieldProblem(e instanceof FieldError fe ? fe.getField() : r.getMethodParameter().getParameterName(),
                        e.getDefaultMessage()))));
        return invalid(problems);
    }

    @ExceptionHandler(InvalidPatientException.class)
    ResponseEntity<Object> invalidPatient(InvalidPatientException ex) {
        return invalid(ex.problems());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException ex) {
        return invalid(ex.problems());
    }

    @ExceptionHandler(NoRuleSetException.class)
    ResponseEntity<Object> noRuleSet(NoRuleSetException ex) {
        HttpStatus status = ex.unknownVersion() ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).body(document(status,
                ex.unknownVersion() ? "Unknown rule set version" : "No rule set loaded", ex.getMessage(), List.of()));
    }

    @ExceptionHandler(RuleSetRefusedException.class)
    ResponseEntity<Object> refused(RuleSetRefusedException ex) {
        return ResponseEntity.unprocessableEntity().body(document(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused",
                "rule set " + ex.version() + " refused with " + ex.errors().size() + " error(s)", ex.errors()));
    }

    @ExceptionHandler(ScenarioFormatException.class)
    ResponseEntity<Object> scenarioFormat(ScenarioFormatException ex) {
        // Objects with a message, like every other entry of an errors list, so that one Problem schema
        // describes them all.
        return ResponseEntity.unprocessableEntity().body(document(HttpStatus.UNPROCESSABLE_ENTITY, "Malformed scenarios",
                "malformed scenario file(s)", ex.problems().stream().map(p -> Map.of("message", p)).toList()));
    }

    @ExceptionHandler(RuleExecutionException.class)
    ResponseEntity<Object> ruleFailure(RuleExecutionException ex) {
        // The engine's own text: the limit or the exception type, and the rule; never an exception's
        // message, which may quote patient values.
        log.error("evaluation stopped: {} ({})", ex.getMessage(), ex.kind());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
        pd.setTitle(switch (ex.kind()) {
            case FIRING_LIMIT -> "Rule firing limit exceeded";
            case TIME_LIMIT -> "Rule evaluation time budget exceeded";
            case FACT_LIMIT -> "Rule fact limit exceeded";
            case MATCH_LIMIT -> "Rule match limit exceeded";
            case RULE_ERROR -> "A rule failed";
        });
        pd.setType(URI.create("urn:hcc-guidance:evaluation:" + ex.kind().name().toLowerCase().replace('_', '-')));
        pd.setProperty("limit", ex.kind().name());
        pd.setProperty("rule", ex.ruleName());
        return ResponseEntity.internalServerError().body(pd);
    }

    /**
     * Anything else is a fault in this service, not in the request. Spring MVC hands an {@link Error}
     * thrown by a handler (out of memory, stack overflow) to this advice wrapped in a
     * {@link ServletException} whose message quotes the error's own; only types are logged.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (ex instanceof ServletException && ex.getCause() instanceof Error error) {
            log.error("request failed: {}", error.getClass().getName());
        } else {
            log.error("request failed: {}{}", ex.getClass().getName(), where(ex));
        }
        return ResponseEntity.internalServerError().body(document(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the service failed to process this request; the failure is logged by type (no request data)", List.of()));
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        return ResponseEntity.badRequest().body(document(HttpStatus.BAD_REQUEST, "Invalid request", null, problems,
                p -> p.field() + ": " + p.message()));
    }

    static ProblemDetail document(HttpStatus status, String title, String detail, List<?> errors) {
        return document(status, title, detail, errors, null);
    }

    /**
     * The one place error documents are built. At most {@link #MAX_ERRORS} entries are listed, in the
     * {@code errors} property and, when {@code line} is given, in the detail text; {@code moreErrors}
     * and the detail say how many more there were.
     */
    static <T> ProblemDetail document(HttpStatus status, String title, String detail, List<T> errors,
                                      Function<T, String> line) {
        List<T> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        int more = errors.size() - shown.size();
        StringBuilder text = new StringBuilder(detail == null ? "" : detail);
        if (line != null && !shown.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(shown.stream().map(line).collect(Collectors.joining("; ")));
        }
        if (more > 0) {
            text.append(" \u2026 and ").append(more).append(" more");
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text.toString());
        pd.setTitle(title);
        if (!shown.isEmpty()) {
            pd.setProperty("errors", List.copyOf(shown));
        }
        if (more > 0) {
            pd.setProperty("moreErrors", more);
        }
        return pd;
    }

    /** Where in this service's code an exception was thrown: class, method and line, never its message. */
    private static String where(Throwable ex) {
        for (StackTraceElement frame : ex.getStackTrace()) {
            if (frame.getClassName().startsWith("org.hccguidance.")) {
                return " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
