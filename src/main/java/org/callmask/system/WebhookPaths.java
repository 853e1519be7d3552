package org.callmask.system;

/**
 * Which request paths are SignalWire webhooks, for the filters that treat them apart: a smaller
 * body limit, and signature checks.
 */
public final class WebhookPaths {

    private WebhookPaths() {}

    /** Whether {@code path} (the request URI) is one of the webhooks. */
    public static boolean matches(String path) {
        return path.startsWith("/calls/") || path.startsWith("/texts/");
    }
}
