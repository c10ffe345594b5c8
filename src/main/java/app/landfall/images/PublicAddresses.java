package app.landfall.images;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet. Landfall fetches images from URLs that merchants
 * configure; without this check such a URL could make the server read its own network (a cloud
 * metadata endpoint, an admin console on localhost) and hand the answer to whoever views the page.
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) { // fc00::/7 unique local
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                return isPublicV4(b[12] & 0xFF, b[13] & 0xFF, b[14] & 0xFF) && !isSpecialV4(b[12] & 0xFF, b[13] & 0xFF);
            }
            return (b[0] & 0xFF) != 0x20 || (b[1] & 0xFF) != 0x01 || (b[2] & 0xFF) != 0x0D || (b[3] & 0xFF) != 0xB8; // 2001:db8::/32 documentation
        }
        return false;
    }

    private static boolean isPublicV4(int a, int b, int c) {
        if (a == 0 || a == 10 || a == 127 || a >= 224) { // this network, private, loopback, multicast and reserved
            return false;
        }
        if (a == 100 && b >= 64 && b <= 127) { // carrier-grade NAT
            return false;
        }
        if (a == 192 && b == 0 && c == 0) { // IETF protocol assignments
            return false;
        }
        if (a == 198 && (b == 18 || b == 19)) { // benchmarking
            return false;
        }
        return !isSpecialV4(a, b);
    }

    private static boolean isSpecialV4(int a, int b) {
        return (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
    }
}
