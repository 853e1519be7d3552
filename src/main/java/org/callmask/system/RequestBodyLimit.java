package org.callmask.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body once, refusing it with 413 past the limit, and hands the rest of the chain
 * a {@link CachedBodyRequest}. Reading here means no handler ever streams an unbounded body and the
 * webhooks can check signatures on the exact bytes. Not a bean: the security configuration places
 * one in each filter chain with the limit of the routes that chain serves, so the limit follows
 * the route the request will reach, not a prefix of its raw path.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    private final int limit;

    public RequestBodyLimit(long limitBytes) {
        if (limitBytes < 1 || limitBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("limitBytes must be between 1 and 1GB, was " + limitBytes);
        }
        this.limit = (int) limitBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream());
        if (body == null) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The body, or {@code null} when it is longer than the limit. */
    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter().write("Request body too large: the limit here is " + limit + " bytes");
    }
}
