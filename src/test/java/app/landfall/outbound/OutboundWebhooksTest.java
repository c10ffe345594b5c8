package app.landfall.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundWebhooksTest {
    private final OutboundWebhooks strict = new OutboundWebhooks(null, null, Clock.systemUTC(), false);

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/hooks", "ftp://example.com", "https://127.0.0.1/hooks", "https://localhost/hooks",
        "https://10.0.0.8/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://user:secret@example.com/x",
        "not a url", "https:///nohost"})
    void private_plain_or_odd_addresses_are_refused_outside_development(String url) {
        assertTrue(strict.refusal(url).isPresent(), url);
    }

    @Test
    void a_development_instance_may_send_to_localhost_over_http() {
        assertTrue(new OutboundWebhooks(null, null, Clock.systemUTC(), true).refusal("http://127.0.0.1:8080/hooks").isEmpty());
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_text() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                OutboundWebhooks.sign("Jefe", "what do ya want for nothing?"));
    }
}
