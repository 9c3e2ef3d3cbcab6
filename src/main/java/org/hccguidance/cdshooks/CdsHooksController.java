package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hccguidance.feedback.FeedbackStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CDS Hooks HTTP surface: discovery, the two services, and feedback. Left out of the OpenAPI
 * contract on purpose: CDS Hooks is specified by HL7, and its own discovery document describes it.
 */
@Hidden
@RestController
@Tag(name = "cds-hooks", description = "CDS Hooks 2.0 services (patient-view guidance, order-sign/order-select safety check)")
class CdsHooksController {

    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CdsHooksService service;
    private final FeedbackStore store;
    private final CdsHooksProperties props;
    private final Clock clock;

    CdsHooksController(CdsHooksService service, FeedbackStore store, CdsHooksProperties props, Clock clock) {
        this.service = service;
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CDS Hooks discovery")
    CdsJson.Services discovery() {
        return service.discovery();
    }

    @PostMapping(path = "/cds-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Call a CDS service (signed JWT of a trusted CDS client required)")
    ResponseEntity<CdsJson.Response> call(@PathVariable String id, @RequestBody(required = false) byte[] body, HttpServletRequest req) {
        if (CdsHooksService.hooksOf(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        CdsJson.Request request = CdsRequests.read(body);
        return ResponseEntity.ok(service.call(id, request, client(), baseUrl(req, props)));
    }

    record FeedbackReceipt(int received, int stored) {
    }

    @PostMapping(path = "/cds-services/{id}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report accepted or overridden cards (signed JWT of a trusted CDS client required)")
    ResponseEntity<FeedbackReceipt> feedback(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        if (CdsHooksService.hooksOf(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        JsonNode root = CdsRequests.json(body);
        JsonNode list = root.get("feedback");
        if (list == null || !list.isArray()) {
            throw new CdsRequestException("feedback", "is required: an array of feedback entries");
        }
        Instant received = clock.instant();
        List<FeedbackStore.Feedback> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(id, list.get(i), "feedback[" + i + "]", received));
        }
        return ResponseEntity.ok(new FeedbackReceipt(entries.size(), store.saveFeedback(entries)));
    }

    private FeedbackStore.Feedback entry(String serviceId, JsonNode f, String at, Instant received) {
        if (!f.isObject()) {
            throw new CdsRequestException(at, "must be an object");
        }
        String card = CdsRequests.text(f, "card", at + ".card", true);
        if (!UUID.matcher(card).matches()) {
            throw new CdsRequestException(at + ".card", "must be the uuid of a card");
        }
        FeedbackStore.IssuedCard issued = store.card(card.toLowerCase())
                .orElseThrow(() -> new CdsRequestException(at + ".card", "no card with this uuid was issued by this service"));
        if (!issued.serviceId().equals(serviceId)) {
            throw new CdsRequestException(at + ".card", "the card was issued by service '" + issued.serviceId() + "'");
        }
        // One EHR cannot report on another's cards, even knowing a uuid.
        if (issued.clientIssuer() != null && !issued.clientIssuer().equals(client())) {
            throw new CdsRequestException(at + ".card", "no card with this uuid was issued to this client");
        }
        String outcome = CdsRequests.text(f, "outcome", at + ".outcome", true);
        if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
            throw new CdsRequestException(at + ".outcome", "must be 'accepted' or 'overridden'");
        }
        JsonNode accepted = f.get("acceptedSuggestions");
        int acceptedCount = 0;
        if (accepted != null && !accepted.isNull()) {
            if (!accepted.isArray()) {
                throw new CdsRequestException(at + ".acceptedSuggestions", "must be an array of {id}");
            }
            for (int i = 0; i < accepted.size(); i++) {
                CdsRequests.text(accepted.get(i), "id", at + ".acceptedSuggestions[" + i + "].id", true);
            }
            acceptedCount = accepted.size();
        }
        if (outcome.equals("accepted") && acceptedCount == 0) {
            throw new CdsRequestException(at + ".acceptedSuggestions", "is required for an accepted outcome");
        }
        String system = null;
        String code = null;
        String display = null;
        boolean comment = false;
        JsonNode reason = f.get("overrideReason");
        if (reason != null && !reason.isNull()) {
            if (!reason.isObject()) {
                throw new CdsRequestException(at + ".overrideReason", "must be an object");
            }
            JsonNode coding = reason.get("reason");
            comment = reason.hasNonNull("userComment");
            if ((coding == null || coding.isNull()) && !comment) {
                throw new CdsRequestException(at + ".overrideReason", "needs a reason, a userComment or both");
            }
            if (coding != null && !coding.isNull()) {
                if (!coding.isObject()) {
                    throw new CdsRequestException(at + ".overrideReason.reason", "must be a Coding");
                }
                code = CdsRequests.text(coding, "code", at + ".overrideReason.reason.code", true);
                system = CdsRequests.text(coding, "system", at + ".overrideReason.reason.system", false);
                display = CdsRequests.text(coding, "display", at + ".overrideReason.reason.display", false);
            }
        }
        String ts = CdsRequests.text(f, "outcomeTimestamp", at + ".outcomeTimestamp", true);
        Instant when;
        try {
            when = Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw new CdsRequestException(at + ".outcomeTimestamp", "must be an ISO 8601 UTC time such as 2026-01-01T10:05:31Z");
        }
        return new FeedbackStore.Feedback(issued.cardUuid(), serviceId, outcome, limit(system, 255), limit(code, 80),
                limit(display, 255), comment, acceptedCount, when, received);
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The 412 the specification asks for when the data cannot be had. */
    @ExceptionHandler(CdsPreconditionException.class)
    ResponseEntity<ProblemDetail> precondition(CdsPreconditionException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        pd.setTitle("FHIR data unavailable");
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static String client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CdsJwtVerifier.Client c ? c.issuer() : null;
    }

    /** The configured public base URL, else this request's scheme, host and port. */
    static String baseUrl(HttpServletRequest req, CdsHooksProperties props) {
        if (props.publicBaseUrl() != null && !props.publicBaseUrl().isBlank()) {
            String b = props.publicBaseUrl().trim();
            return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        }
        return ServletUriComponentsBuilder.fromContextPath(req).replaceQuery(null).build().toUriString();
    }

}
