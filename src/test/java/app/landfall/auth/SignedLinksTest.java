package app.landfall.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final TestClock clock = new TestClock("2026-11-02T09:00:00Z");
    private final SignedLinks links = new SignedLinks("a secret of the instance, 32 bytes".getBytes(StandardCharsets.UTF_8), clock);

    @Test
    void a_link_opens_until_a_second_before_it_runs_out() {
        String link = links.sign("order", 7, 42, HOUR);
        clock.advance(HOUR.minusSeconds(1));
        assertEquals(Optional.of(42L), links.verify("order", 7, link));
    }

    @Test
    void a_link_opens_nothing_a_second_after_it_runs_out() {
        String link = links.sign("order", 7, 42, HOUR);
        clock.advance(HOUR.plusSeconds(1));
        assertEquals(Optional.empty(), links.verify("order", 7, link));
    }

    @Test
    void a_signature_is_accepted_only_as_it_was_written() {
        // the last base64 character of a 16-byte MAC carries 4 bits that decode to nothing: every
        // other spelling of the same bytes is refused, so no link has a second, "tampered" form that opens
        for (long id = 1; id <= 64; id++) {
            String link = links.sign("order", 7, id, HOUR);
            char last = link.charAt(link.length() - 1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            for (char other : alphabet.toCharArray()) {
                if (other != last) {
                    String changed = link.substring(0, link.length() - 1) + other;
                    assertEquals(Optional.empty(), links.verify("order", 7, changed), changed);
                }
            }
        }
    }

    @Test
    void a_link_opens_nothing_for_another_purpose_or_merchant_or_when_changed() {
        String link = links.sign("order", 7, 42, HOUR);
        assertEquals(Optional.empty(), links.verify("return", 7, link));
        assertEquals(Optional.empty(), links.verify("order", 8, link));
        String[] parts = link.split("\\.");
        assertEquals(Optional.empty(), links.verify("order", 7, "43." + parts[1] + "." + parts[2]));
        assertEquals(Optional.empty(), links.verify("order", 7, parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2]),
                "the expiry is signed: pushing it later breaks the link");
    }
}
