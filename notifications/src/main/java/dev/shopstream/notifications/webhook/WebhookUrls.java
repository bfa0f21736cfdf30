package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.domain.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs webhooks may be posted to, against server-side request forgery: absolute {@code https} URLs (plain
 * {@code http} only where {@code require-https} is off, for local development), no credentials in them, a host that
 * resolves, and only to public addresses: never loopback, link-local (cloud metadata at 169.254.169.254), private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), multicast or the unspecified address.
 * Hosts named in {@code allowed-hosts} skip the address check (local development: {@code localhost}). Checked when
 * an endpoint is registered and again before every delivery, so a name that later resolves elsewhere is refused.
 */
@ApplicationScoped
public class WebhookUrls {

    @Inject
    @ConfigProperty(name = "shopstream.notifications.webhooks.require-https")
    boolean requireHttps;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.webhooks.allowed-hosts")
    Optional<Set<String>> allowedHosts;

    /** @return the URL, if it may be posted to; otherwise refused with the reason */
    public URI check(String url) {
        URI uri = parsed(url);
        String scheme = Optional.ofNullable(uri.getScheme()).map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw refused(url, requireHttps ? "it must be an https URL" : "it must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(url, "it must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused(url, "it has no host");
        }
        if (uri.getRawFragment() != null) {
            throw refused(url, "it must not have a fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.orElse(Set.of()).contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(url, "its host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refused(url, "its host resolves to " + address.getHostAddress()
                        + ", a loopback, link-local, private or otherwise non-public address");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean carrierGradeNat = first == 100 && second >= 64 && second <= 127;
        boolean reserved = first == 0 || first >= 240;
        return !carrierGradeNat && !reserved;
    }

    private static URI parsed(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw refused(url, "it must be an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refused(url, "it is not a URL: " + e.getReason());
        }
    }

    private static RuleViolationException refused(String url, String why) {
        return new RuleViolationException("Webhooks cannot be posted to " + abbreviated(url) + ": " + why + ".");
    }

    private static String abbreviated(String url) {
        return url.length() <= 200 ? url : url.substring(0, 200) + "…";
    }
}
