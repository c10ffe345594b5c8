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
    })
    void only_addresses_on_the_public_internet_are_fetched_from(String address, boolean expected) throws Exception {
        assertEquals(expected, PublicAddresses.isPublic(InetAddress.getByName(address)), address);
    }
}
