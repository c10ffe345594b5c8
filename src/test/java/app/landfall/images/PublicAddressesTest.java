package app.landfall.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressesTest {
    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            "8.8.8.8, true",
            "151.101.1.69, true",
            "2606:4700:4700::1111, true",
            "127.0.0.1, false",
            "127.255.0.9, false",
            "0.0.0.0, false",
            "10.1.2.3, false",
            "172.16.0.1, false",
            "172.31.255.255, false",
            "172.32.0.1, true",
            "192.168.1.10, false",
            "169.254.169.254, false", // cloud metadata
            "100.64.0.1, false",
            "100.128.0.1, true",
            "224.0.0.1, false",
            "255.255.255.255, false",
            "198.18.0.1, false",
            "::1, false",
            "::, false",
            "fe80::1, false",
            "fd00::1, false",
            "fc00::1, false",
            "::ffff:127.0.0.1, false",
            "::ffff:10.0.0.1, false",
            "::ffff:169.254.169.254, false",
            "2001:db8::1, false",
            // IPv4 inside IPv6: what counts is the IPv4 address it carries
            "::127.0.0.1, false", // IPv4-compatible (deprecated)
            "::8.8.8.8, false",
            "::ffff:0:127.0.0.1, false", // IPv4-translated
            "::ffff:8.8.8.8, true",
            "64:ff9b::127.0.0.1, false", // NAT64
            "64:ff9b::a9fe:a9fe, false", // NAT64 of 169.254.169.254
            "64:ff9b::10.0.0.1, false",
            "64:ff9b::8.8.8.8, true",
            "64:ff9b:1::8.8.8.8, false", // local-use NAT64
            "2002:7f00:1::1, false", // 6to4 of 127.0.0.1
            "2002:a9fe:a9fe::1, false", // 6to4 of 169.254.169.254
            "2002:c0a8:0101::1, false", // 6to4 of 192.168.1.1
            "2002:0808:0808::1, true", // 6to4 of 8.8.8.8
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, false", // Teredo
            "2001:0:7f00:1::1, false",
            "2001:2::1, false", // benchmarking
            "2001:10::1, false", // ORCHID
            "3fff::1, false", // documentation (2024)
            "100::1, false", // discard-only
            "fec0::1, false", // old site-local
            "febf::1, false", // link-local
            "ff02::1, false", // multicast
            "ff0e::1, false",
            "4000::1, false", // not global unicast
            "2a00:1450:4001:80b::200e, true",
            // IPv4 special-purpose ranges
            "0.1.2.3, false",
            "100.127.255.255, false",
            "192.0.0.9, false",
            "192.0.2.1, false", // documentation
            "198.51.100.7, false",
            "203.0.113.9, false",
            "192.88.99.1, false", // 6to4 relay
            "198.19.255.255, false",
            "198.20.0.1, true",
            "240.0.0.1, false",
            "239.255.255.250, false",
            "1.1.1.1, true",
    })
    void only_addresses_on_the_public_internet_are_fetched_from(String address, boolean expected) throws Exception {
        assertEquals(expected, PublicAddresses.isPublic(InetAddress.getByName(address)), address);
    }
}
