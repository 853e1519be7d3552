package org.callmask.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shape every URL a platform gives CallMask to call must have. Whether its address may be
 * reached is decided when a request is sent, since a name can resolve differently later.
 */
public final class HookUrl {

    public static final int MAX_LENGTH = 2000;

    private HookUrl() {}

    /** What is wrong with the URL, or {@code null} when it may be used. */
    public static String problem(String url) {
        if (url.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "must be an absolute http or https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password; requests are signed instead";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        return null;
    }
}
