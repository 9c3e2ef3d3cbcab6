package org.hccguidance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413 before anything parses them. A declared
 * Content-Length over the limit is refused at once; a chunked body is read up to the limit and
 * refused if it goes beyond. CDS Hooks calls carry the patient's prefetched FHIR record and have their
 * own, larger limit ({@code guidance.cds.max-body-bytes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long apiMaxBytes;
    private final long cdsMaxBytes;
    private final ObjectMapper json;

    RequestSizeLimitFilter(@Value("${guidance.request.max-body-bytes:262144}") long maxBytes,
                           @Value("${guidance.cds.max-body-bytes:4194304}") long cdsMaxBytes, ObjectMapper json) {
        this.apiMaxBytes = maxBytes;
        this.cdsMaxBytes = cdsMaxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        // The raw URI decides only the size limit; the firewall later refuses any odd spelling of it.
        long maxBytes = req.getRequestURI().startsWith("/cds-services/") ? cdsMaxBytes : apiMaxBytes;
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(res, maxBytes);
            return;
        }
        if (declared >= 0 || !"POST".equals(req.getMethod()) && !"PUT".equals(req.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = req.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(res, maxBytes);
            return;
        }
        chain.doFilter(new CachedBody(req, body), res);
    }

    private void tooLarge(HttpServletResponse res, long maxBytes) throws IOException {
        SecurityConfiguration.problem(json, res, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "request bodies are limited to " + maxBytes + " bytes");
    }

    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
