package app.landfall.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookSignaturesTest {
    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    // expected values computed independently with: printf '%s' BODY | openssl dgst -sha256 -hmac SECRET [-binary | base64]
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AFTERSHIP|aftership-secret|{\"event\":\"tracking_update\",\"event_id\":\"e1\"}|BwL6Fq4TS3m9Lvq+H8VdLBf2IyoqtcydyaddytgQePo=",
        "EASYPOST|easypost-secret|{\"object\":\"Event\",\"id\":\"evt_1\"}|hmac-sha256-hex=99ae1cb583500e8407653c0b227a596fe7a055d21c0639ac44700f5546213c42",
        "SHOPIFY|shopify-secret|{\"id\":450789469}|B35+vBoZvCTa7H99C7bkiU0aPS8q9cGsIcUAu5B3LZk=",
    })
    void accepts_the_signature_each_provider_sends(WebhookSignatures provider, String secret, String body, String header) {
        assertTrue(provider.verify(bytes(body), secret, header));
        assertEquals(header, provider.sign(bytes(body), secret));
    }

    @ParameterizedTest
    @EnumSource(WebhookSignatures.class)
    void refuses_a_changed_body_a_wrong_secret_or_a_missing_header(WebhookSignatures provider) {
        String header = provider.sign(bytes("{\"a\":1}"), "secret");
        assertFalse(provider.verify(bytes("{\"a\":2}"), "secret", header));
        assertFalse(provider.verify(bytes("{\"a\":1}"), "other", header));
        assertFalse(provider.verify(bytes("{\"a\":1}"), "secret", null));
        assertFalse(provider.verify(bytes("{\"a\":1}"), "secret", ""));
        assertFalse(provider.verify(bytes("{\"a\":1}"), "", header));
    }

    @ParameterizedTest
    @EnumSource(WebhookSignatures.class)
    void does_not_accept_one_providers_signature_format_for_another(WebhookSignatures provider) {
        for (WebhookSignatures other : WebhookSignatures.values()) {
            if (other.sign(bytes("x"), "s").equals(provider.sign(bytes("x"), "s"))) {
                continue; // AfterShip and Shopify write the same format
            }
            assertFalse(provider.verify(bytes("x"), "s", other.sign(bytes("x"), "s")));
        }
    }
}
