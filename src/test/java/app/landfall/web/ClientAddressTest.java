package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8, ::1");

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assertEquals("203.0.113.9", ClientAddress.direct().of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        assertEquals("198.51.100.7", behindProxies.of("127.0.0.1", "198.51.100.7"));
        // a client can put anything at the left; only what our proxies appended counts
        assertEquals("198.51.100.7", behindProxies.of("127.0.0.1", "1.2.3.4, 198.51.100.7"));
        assertEquals("198.51.100.7", behindProxies.of("10.1.1.1", "1.2.3.4, 198.51.100.7, 10.0.0.5"));
        assertEquals("2001:db8::5", behindProxies.of("::1", "2001:db8::5"));
    }

    @Test
    void a_request_not_from_a_trusted_proxy_cannot_choose_its_address() {
        assertEquals("203.0.113.9", behindProxies.of("203.0.113.9", "198.51.100.7"));
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", null));
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", "not-an-address"), "garbage: believe only the peer");
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", "example.com"), "never a DNS lookup");
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", "10.0.0.2, 127.0.0.1"), "only proxies: the peer");
    }

    @Test
    void ranges_are_matched_by_prefix() {
        ClientAddress range = ClientAddress.trusting("172.16.0.0/12");
        assertEquals("8.8.8.8", range.of("172.31.255.1", "8.8.8.8"));
        assertEquals("172.32.0.1", range.of("172.32.0.1", "8.8.8.8"));
    }

    @Test
    void a_bad_entry_is_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/8, proxy.local"));
        assertTrue(e.getMessage().contains("proxy.local"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
    }
}
