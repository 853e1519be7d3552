package org.callmask.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether CallMask may send a request to a URL: http or https, a host, and, unless private
 * networks are allowed, no address of the host's that is loopback, private, link-local (cloud
 * metadata services live there), shared (carrier-grade NAT), unspecified, multicast or reserved.
 * Every address the name resolves to must pass, so a name that also points inside does not.
 *
 * <p>The name is resolved again when the request connects: a DNS server that answers differently
 * the second time (rebinding) could still point it inside. Redirects are never followed, so at
 * least an answer cannot send the request elsewhere.
 */
final class AddressGuard {

    private final boolean allowPrivateNetworks;

    AddressGuard(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why a request to {@code url} must not be sent; empty when it may. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("not an http(s) URL");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            return Optional.of("no host, or a user name in the URL");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("the host resolves to an internal address");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // Unique local (fc00::/7), and IPv4-mapped or -compatible forms of an internal IPv4 address.
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // this network
                    || (first == 100 && second >= 64 && second <= 127) // shared address space
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        return true;
    }
}
