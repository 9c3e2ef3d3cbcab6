package org.hccguidance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Answers a request the firewall refused with 400 {@code application/problem+json} naming what is
 * wrong. The reason is the firewall's own fixed text; the request path itself is neither echoed nor
 * logged.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);
    private static final String GENERIC = "the request was rejected by the firewall";

    private final ObjectMapper json;

    ProblemRequestRejectedHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        String reason = ex instanceof StrictPathFirewall.Rejection ? ex.getMessage() : GENERIC;
        log.info("request rejected: {}", reason);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        SecurityConfiguration.problem(json, response, HttpStatus.BAD_REQUEST, "Request rejected", reason);
    }
}
