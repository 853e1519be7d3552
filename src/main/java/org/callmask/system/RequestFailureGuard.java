package org.callmask.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: whatever escapes every other layer (a header no parser expected, a filter
 * that broke) is answered with a short fixed 400 instead of the container's 500 page, and logged
 * by type and place only, since exception messages may quote the request and so a phone number.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestFailureGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestFailureGuard.class);

    static final String ANSWER = "The request could not be processed.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            StackTraceElement[] trace = root.getStackTrace();
            String where = trace.length == 0 ? "unknown" : trace[0].toString();
            if (isTheClients(root)) {
                // Bytes that do not decode, a body that never came, a connection dropped halfway: the
                // client's doing, not an alert.
                log.info(
                        "Request refused: it could not be read ({})",
                        root.getClass().getName());
            } else {
                log.error(
                        "Request failed before an answer: {} at {}",
                        root.getClass().getName(),
                        where);
            }
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ANSWER);
        }
    }

    private static boolean isTheClients(Throwable root) {
        return root instanceof CharConversionException
                || root instanceof IllegalArgumentException
                || root instanceof EOFException
                || root instanceof SocketTimeoutException
                || root.getClass().getSimpleName().endsWith("DecodeException")
                || root.getClass().getSimpleName().equals("ClientAbortException");
    }
}
