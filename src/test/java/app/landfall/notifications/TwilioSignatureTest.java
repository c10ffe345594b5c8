package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    // Twilio's documented example (its helper libraries' RequestValidator tests): auth token 12345
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+14158675309"), "Digits", List.of("1234"),
            "From", List.of("+14158675309"), "To", List.of("+18005551212"));
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void computes_the_signature_of_twilios_documented_example() {
        assertEquals(SIGNATURE, TwilioSignature.of(URL, PARAMS, "12345"));
        assertTrue(TwilioSignature.verify(URL, PARAMS, "12345", SIGNATURE));
    }

    @Test
    void refuses_a_signature_when_anything_signed_differs() {
        assertFalse(TwilioSignature.verify(URL, PARAMS, "54321", SIGNATURE), "another token");
        assertFalse(TwilioSignature.verify(URL + "&baz=3", PARAMS, "12345", SIGNATURE), "another URL");
        assertFalse(TwilioSignature.verify(URL.replace("https:", "http:"), PARAMS, "12345", SIGNATURE), "another scheme");
        var changed = new java.util.HashMap<>(PARAMS);
        changed.put("Digits", List.of("1235"));
        assertFalse(TwilioSignature.verify(URL, changed, "12345", SIGNATURE), "a changed parameter");
        changed = new java.util.HashMap<>(PARAMS);
        changed.put("Body", List.of("STOP"));
        assertFalse(TwilioSignature.verify(URL, changed, "12345", SIGNATURE), "an added parameter");
    }

    @Test
    void refuses_a_missing_or_empty_signature() {
        assertFalse(TwilioSignature.verify(URL, PARAMS, "12345", null));
        assertFalse(TwilioSignature.verify(URL, PARAMS, "12345", ""));
        assertFalse(TwilioSignature.verify(URL, PARAMS, "12345", SIGNATURE.substring(1)));
    }
}
