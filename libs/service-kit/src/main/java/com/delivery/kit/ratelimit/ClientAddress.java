package com.delivery.kit.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The caller's address as the rate limits and the login throttle see it.
 *
 * <p>It is the request's remote address. Behind the ingress that is the proxy, unless Tomcat's RemoteIpValve has
 * replaced it with the client named in {@code X-Forwarded-For}: the kit turns the valve on
 * ({@code server.forward-headers-strategy=native}) and lets it believe the header only when the connection comes
 * from a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}, env {@code TRUSTED_PROXIES}, loopback by
 * default; see kit-defaults.yml). A header sent by anyone else is ignored, so a client cannot choose its own key.
 *
 * <p>IPv6 clients are keyed by their /64: one subscriber or LAN gets a whole /64, so keying single addresses would
 * hand a client 2^64 fresh budgets. IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /**
     * Hexadecimal digits, colons and dots with at least one colon, starting with a digit or a colon: InetAddress
     * parses such a string as a literal (or refuses it) and never asks DNS.
     */
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** The key of the client that sent this request (after the trusted-proxy check of the RemoteIpValve). */
    public static String of(HttpServletRequest request) {
        return normalize(request.getRemoteAddr());
    }

    /** {@code 203.0.113.7} stays as it is, {@code 2001:db8:1:2:3:4:5:6} becomes {@code 2001:db8:1:2::/64}. */
    public static String normalize(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String candidate = address.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        int zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        if (IPV4.matcher(candidate).matches()) {
            return candidate;
        }
        if (IPV6_LITERAL.matcher(candidate).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(candidate);
                if (parsed instanceof Inet4Address) {
                    return parsed.getHostAddress();
                }
                return prefix64(parsed.getAddress());
            } catch (UnknownHostException notALiteral) {
                // fall through: keep the text, bounded
            }
        }
        return candidate.length() > MAX_LENGTH ? candidate.substring(0, MAX_LENGTH) : candidate;
    }

    private static String prefix64(byte[] bytes) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
