package app.landfall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioConfigTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void without_an_account_texts_are_kept_not_sent_and_the_api_is_twilios() {
        Twilio twilio = Config.from(Map.of()).twilio();
        assertTrue(twilio.account().isEmpty());
        assertEquals("https://api.twilio.com", twilio.apiUrl());
    }

    @Test
    void reads_the_account_the_senders_and_the_api_address() {
        Twilio twilio = Config.from(Map.of("LANDFALL_TWILIO_ACCOUNT_SID", SID, "LANDFALL_TWILIO_AUTH_TOKEN", "t0ken",
                "LANDFALL_TWILIO_SMS_FROM", "MG0123456789abcdef0123456789abcdef", "LANDFALL_TWILIO_WHATSAPP_FROM", "whatsapp:+14155238886",
                "LANDFALL_TWILIO_API_URL", "http://127.0.0.1:8080/")).twilio();
        assertEquals(new Twilio.Account(SID, "t0ken"), twilio.account().orElseThrow());
        assertFalse(twilio.account().orElseThrow().toString().contains("t0ken"), "the token is never printed");
        assertEquals(Optional.of("MG0123456789abcdef0123456789abcdef"), twilio.smsFrom());
        assertEquals(Optional.of("+14155238886"), twilio.whatsappFrom());
        assertEquals("http://127.0.0.1:8080", twilio.apiUrl());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "LANDFALL_TWILIO_ACCOUNT_SID   | ACnothex                 | LANDFALL_TWILIO_ACCOUNT_SID is an account SID",
            "LANDFALL_TWILIO_SMS_FROM      | 415 555 2671             | LANDFALL_TWILIO_SMS_FROM is a number in E.164",
            "LANDFALL_TWILIO_WHATSAPP_FROM | MG0123                   | LANDFALL_TWILIO_WHATSAPP_FROM is a number in E.164",
            "LANDFALL_TWILIO_API_URL       | ftp://api.twilio.com     | LANDFALL_TWILIO_API_URL must be an http(s) URL",
    })
    void refuses_a_setting_it_cannot_use(String name, String value, String message) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("LANDFALL_TWILIO_ACCOUNT_SID", SID, "LANDFALL_TWILIO_AUTH_TOKEN", "t"));
        env.put(name, value);
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(env));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void an_account_sid_without_its_token_is_refused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_TWILIO_ACCOUNT_SID", SID)));
        assertTrue(e.getMessage().contains("set both or neither"), e.getMessage());
    }
}
