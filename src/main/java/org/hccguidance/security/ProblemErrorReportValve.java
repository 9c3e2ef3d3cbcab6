package org.hccguidance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last-resort error page, for requests that never reach the application: Tomcat itself
 * refuses request lines and paths it cannot map (an encoded {@code /} or {@code \}, a raw
 * backslash, a {@code ..} above the root, a NUL or a space in the path, a malformed escape). Instead
 * of Tomcat's HTML page this writes the same {@code application/problem+json} document the
 * application writes, naming what is wrong in the firewall's own words where it can tell, and never
 * echoing the request or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == 400 ? "Request rejected" : known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail(request, status));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response cannot take a body: nothing more to say.
        }
    }

    private static String detail(Request request, int status) {
        if (status == 400) {
            String uri = null;
            try {
                uri = request.getRequestURI();
            } catch (RuntimeException e) {
                // The request line could not be parsed at all.
            }
            if (uri != null && !uri.isEmpty()) {
                return StrictPathFirewall.problemWithPath(uri)
                        .orElse("the request path is not valid for this server");
            }
            return "the request line is not valid HTTP or contains characters the server does not accept";
        }
        if (status >= 500) {
            return "the server could not complete the request";
        }
        return "the server could not process the request";
    }
}
