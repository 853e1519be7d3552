package org.callmask.telephony;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * Writes a routing answer straight to the response. Returned to Spring MVC instead, the bytes went
 * through its choice of return-value handler and of message converter, with content negotiation,
 * for an answer whose type the webhook has already decided; on the service's busiest path that
 * cost more than rendering the answer.
 */
final class WebhookAnswer {

    private WebhookAnswer() {}

    static void send(HttpServletResponse response, MediaType type, byte[] answer) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.toString());
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
