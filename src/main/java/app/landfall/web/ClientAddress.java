package app.landfall.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the person making a request, for rate limits. Behind a reverse proxy every
 * request comes from the proxy, so all visitors would share one limit; when the direct peer is a
 * proxy listed in LANDFALL_TRUSTED_PROXIES, the address comes from X-Forwarded-For instead: the
 * right-most entry that is not itself a trusted proxy (entries further left are whatever the
 * client chose to send, so they are never believed).
 */
public final class ClientAddress {
    private final List<Cidr> trusted;

    private record Cidr(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private ClientAddress(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** No proxy trusted: the direct peer is the client. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /**
     * From a comma-separated list of addresses and CIDR ranges, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1}.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static ClientAddress trusting(String list) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            String item = entry.trim();
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            String host = slash < 0 ? item : item.substring(0, slash);
            byte[] network = literal(host);
            if (network == null) {
                throw new IllegalArgumentException("\"" + item + "\" is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                String prefix = item.substring(slash + 1);
                if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                    throw new IllegalArgumentException("\"" + item + "\": the prefix length must be 0 to " + bits);
                }
                bits = Integer.parseInt(prefix);
            }
            ranges.add(new Cidr(network, bits));
        }
        return new ClientAddress(ranges);
    }

    /** The client's address for this request. */
    public String of(Context ctx) {
        return of(ctx.ip(), ctx.header("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor == null) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                return peer; // not an address: the header is garbage, so believe only what we saw
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** The bytes of an IP address literal; null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        if (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
