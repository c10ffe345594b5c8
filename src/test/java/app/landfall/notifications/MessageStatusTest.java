package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each stored status of the outbox as the Messages screen says it, and which ones may be sent again. */
class MessageStatusTest {

    @ParameterizedTest(name = "{0} reads \"{1}\" ({2})")
    @CsvSource({
            "pending,    Queued,                info,     false",
            "sending,    Queued,                info,     false",
            "held,       Held for quiet hours,  info,     false",
            "sent,       Sent,                  success,  false",
            "failed,     Failed,                critical, true",
            "unsent,     Not sent,              warning,  true",
            "suppressed, Suppressed,            neutral,  false",
            "skipped,    Skipped (out of date), neutral,  false",
            "cancelled,  Cancelled,             neutral,  false"})
    void every_stored_status_has_a_word_a_tone_and_a_rule_for_sending_again(String stored, String label, String tone, boolean resendable) {
        MessageStatus status = MessageStatus.of(stored);
        assertEquals(label, status.label());
        assertEquals(tone, status.tone());
        assertEquals(resendable, MessageStatus.resendable(stored));
        assertEquals(status, MessageStatus.byCode(status.code()).orElseThrow(), "its filter finds it again");
        assertEquals(1, Arrays.stream(MessageStatus.values()).filter(s -> s.stored().contains(stored)).count(), "exactly one filter covers it");
    }

    @ParameterizedTest
    @CsvSource({"queued, pending sending", "held, held", "failed, failed", "unsent, unsent"})
    void a_filter_in_the_url_covers_the_stored_statuses_it_names(String code, String stored) {
        assertEquals(List.of(stored.split(" ")), MessageStatus.byCode(code).orElseThrow().stored());
    }
}
