package org.hccguidance.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.hccguidance.engine.RuleExecutionException;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.facts.FieldProblem;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.guidance.PatientRequestReader;
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
import java.util.stream.Collectors;

/**
 * Every failure becomes an {@code application/problem+json} response that names what is wrong.
 * Bad input is 400 with one entry per bad field; nothing here echoes patient values into logs.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Throwable cause = ex.getCause();
        String detail;
        if (cause instanceof StreamConstraintsException sce) {
            detail = "request body exceeds a structural limit: " + firstLine(sce.getOriginalMessage());
        } else if (cause instanceof JsonParseException jpe) {
            detail = "malformed JSON at line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr() + ": " + firstLine(jpe.getOriginalMessage());
        } else if (cause instanceof JsonMappingException jme) {
            problems.add(new FieldProblem(PatientRequestReader.path(jme), PatientRequestReader.describe(jme)));
            detail = "invalid field " + PatientRequestReader.path(jme) + ": " + PatientRequestReader.describe(jme);
        } else {
            detail = "request body is missing or is not readable JSON";
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, problems);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> new FieldProblem(fe.getField(), fe.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        String detail = problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> problems.add(
                new FieldProblem(e instanceof FieldError fe ? fe.getField() : r.getMethodParameter().getParameterName(),
                        e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), problems);
    }

    @ExceptionHandler(InvalidPatientException.class)
    ResponseEntity<Object> invalidPatient(InvalidPatientException ex) {
        String detail = ex.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, ex.problems());
    }

    @ExceptionHandler(NoRuleSetException.class)
    ResponseEntity<Object> noRuleSet(NoRuleSetException ex) {
        return problem(ex.unknownVersion() ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE,
                ex.unknownVersion() ? "Unknown rule set version" : "No rule set loaded", ex.getMessage(), List.of());
    }

    @ExceptionHandler(RuleSetRefusedException.class)
    ResponseEntity<Object> refused(RuleSetRefusedException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        pd.setTitle("Rule set refused");
        pd.setProperty("errors", ex.errors());
        return ResponseEntity.unprocessableEntity().body(pd);
    }

    @ExceptionHandler(RuleExecutionException.class)
    ResponseEntity<Object> ruleFailure(RuleExecutionException ex) {
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

    @ExceptionHandler(org.hccguidance.scenario.ScenarioFormatException.class)
    ResponseEntity<Object> scenarioFormat(org.hccguidance.scenario.ScenarioFormatException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "malformed scenario file(s)");
        pd.setTitle("Malformed scenarios");
        pd.setProperty("errors", ex.problems());
        return ResponseEntity.unprocessableEntity().body(pd);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badArgument(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), List.of());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        if (!problems.isEmpty()) {
            pd.setProperty("errors", problems);
        }
        return ResponseEntity.status(status).body(pd);
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
