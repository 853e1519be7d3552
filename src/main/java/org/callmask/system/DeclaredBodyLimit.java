package org.callmask.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 413, unread, a body whose declared length is past the limit, and leaves the body
 * alone otherwise: for routes whose forms the server itself parses (the console), where buffering
 * the raw bytes as {@link RequestBodyLimit} does would hide the form from the parser. A body sent
 * without a length is bounded by the server's form limit ({@code
 * server.tomcat.max-http-form-post-size}).
 */
public final class DeclaredBodyLimit extends OncePerRequestFilter {

    private final long limit;

    public DeclaredBodyLimit(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("limitBytes must be positive, was " + limitBytes);
        }
        this.limit = limitBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Connection", "close");
            response.getWriter().write("Request body too large: the limit here is " + limit + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
