package app.landfall.images;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether an address is on the public internet. Landfall fetches images from URLs that merchants
 * configure and posts webhooks to URLs they register; without this check such a URL could make the
 * server read its own network (a cloud metadata endpoint, an admin console on localhost).
 *
 * <p>IPv4: anything in IANA's special-purpose registry is refused. IPv6: only global unicast
 * (2000::/3) is public, less its special blocks; the forms that carry an IPv4 address (mapped
 * ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address, since a NAT64
 * gateway or a 6to4 relay would deliver to it; the deprecated or unroutable ones (IPv4-compatible
 * ::/96, translated ::ffff:0:0:0/96, Teredo and the rest of 2001::/23) are refused outright.
 */
public final class PublicAddresses {
    private static final List<Block> NOT_PUBLIC_V4 = List.of(
            block("0.0.0.0", 8), // this network
            block("10.0.0.0", 8), // private
            block("100.64.0.0", 10), // carrier-grade NAT
            block("127.0.0.0", 8), // loopback
            block("169.254.0.0", 16), // link-local, cloud metadata
            block("172.16.0.0", 12), // private
            block("192.0.0.0", 24), // IETF protocol assignments
            block("192.0.2.0", 24), // documentation
            block("192.88.99.0", 24), // 6to4 relay anycast (deprecated)
            block("192.168.0.0", 16), // private
            block("198.18.0.0", 15), // benchmarking
            block("198.51.100.0", 24), // documentation
            block("203.0.113.0", 24), // documentation
            block("224.0.0.0", 4), // multicast
            block("240.0.0.0", 4)); // reserved, and 255.255.255.255
    private static final Block GLOBAL_UNICAST = block("2000::", 3);
    private static final List<Block> NOT_PUBLIC_V6 = List.of(
            block("2001::", 23), // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
            block("2001:db8::", 32), // documentation
            block("3fff::", 20)); // documentation
    private static final Block MAPPED = block("::ffff:0:0", 96);
    private static final Block NAT64 = block("64:ff9b::", 96);
    private static final Block SIX_TO_FOUR = block("2002::", 16);

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b, 0);
        }
        if (MAPPED.contains(b) || NAT64.contains(b)) {
            return isPublicV4(b, 12);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return isPublicV4(b, 2);
        }
        return GLOBAL_UNICAST.contains(b) && NOT_PUBLIC_V6.stream().noneMatch(block -> block.contains(b));
    }

    private static boolean isPublicV4(byte[] bytes, int from) {
        byte[] v4 = java.util.Arrays.copyOfRange(bytes, from, from + 4);
        return NOT_PUBLIC_V4.stream().noneMatch(block -> block.contains(v4));
    }

    /** An address prefix: the first {@code bits} bits of {@code prefix}. */
    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static Block block(String literal, int bits) {
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: no lookup
            byte[] prefix = address.getAddress();
            if (literal.contains(":") && prefix.length == 4) { // ::ffff:0:0 comes back as an IPv4 address
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xFF;
                v6[11] = (byte) 0xFF;
                System.arraycopy(prefix, 0, v6, 12, 4);
                prefix = v6;
            }
            return new Block(prefix, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
