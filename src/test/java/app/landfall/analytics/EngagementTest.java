package app.landfall.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.analytics.Engagement.Kind;
import app.landfall.testing.TestClock;
import java.time.Duration;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What happens in memory; EngagementIT covers what reaches the database. */
class EngagementTest {
    private final TestClock clock = new TestClock("2026-11-01T08:15:00Z");
    // no connection: any attempt to reach a database fails
    private final Engagement engagement = new Engagement(DSL.using(SQLDialect.POSTGRES), clock, 3);

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // given,    length, expected start
        "-,               0, ''",
        "'',              0, ''",
        "https://a.example/x, 19, https://a.example/x",
    })
    void keeps_short_targets_as_they_are(String target, int length, String expected) {
        assertEquals(expected, Engagement.cleanTarget(target));
        assertEquals(length, Engagement.cleanTarget(target).length());
    }

    @Test
    void cuts_targets_to_500_characters() {
        assertEquals("a".repeat(500), Engagement.cleanTarget("a".repeat(500)));
        assertEquals("a".repeat(500), Engagement.cleanTarget("a".repeat(501)));
        assertEquals("a".repeat(500), Engagement.cleanTarget("a".repeat(1_000_000)));
    }

    @Test
    void counts_characters_as_postgres_does_and_never_splits_one() {
        String emoji = "\uD83D\uDCE6";
        String cut = Engagement.cleanTarget(emoji.repeat(600));
        assertEquals(500, cut.codePointCount(0, cut.length()));
        assertEquals(emoji.repeat(500), cut);
        assertEquals("a" + emoji.repeat(499), Engagement.cleanTarget("a" + emoji.repeat(600)));
    }

    @Test
    void removes_nul_characters_postgres_cannot_store() {
        assertEquals("https://a.example/", Engagement.cleanTarget("https://a.example/\0"));
    }

    @Test
    void recording_never_throws_whatever_it_is_given() {
        engagement.record(1, 2, null, "x");
        engagement.record(-1, -2, Kind.MARKETING_CLICK, null);
        engagement.record(Long.MAX_VALUE, 0, Kind.PAGE_VIEW, "\0".repeat(10_000));
        assertEquals(2, engagement.pendingKeys());
    }

    @Test
    void counts_the_same_key_once_and_new_hours_as_new_keys() {
        engagement.record(1, 2, Kind.PAGE_VIEW, null);
        engagement.record(1, 2, Kind.PAGE_VIEW, "");
        clock.advance(Duration.ofMinutes(44));
        engagement.record(1, 2, Kind.PAGE_VIEW, null);
        assertEquals(1, engagement.pendingKeys(), "08:15 and 08:59 are the same hour");
        clock.advance(Duration.ofMinutes(1));
        engagement.record(1, 2, Kind.PAGE_VIEW, null);
        assertEquals(2, engagement.pendingKeys());
    }

    @Test
    void beyond_the_key_limit_drops_new_keys_but_still_counts_known_ones() {
        for (int shipment = 1; shipment <= 5; shipment++) {
            engagement.record(1, shipment, Kind.PAGE_VIEW, null);
        }
        engagement.record(1, 1, Kind.PAGE_VIEW, null);
        assertEquals(3, engagement.pendingKeys());
        assertEquals(2, engagement.dropped());
    }

    @Test
    void keeps_the_counts_when_the_database_cannot_be_reached() {
        engagement.record(1, 2, Kind.PAGE_VIEW, null);
        engagement.record(1, 3, Kind.RETURN_CLICK, null);
        assertEquals(0, engagement.flush());
        assertEquals(2, engagement.pendingKeys());
        assertEquals(0, engagement.dropped());
    }

    @Test
    void puts_counts_back_within_the_limit_and_drops_the_rest() {
        PendingCounts pending = new PendingCounts(3);
        pending.add(key(1), 1);
        pending.add(key(2), 5);
        var taken = pending.takeAll();
        pending.add(key(3), 1);
        pending.add(key(4), 1);
        pending.putBack(taken);
        assertEquals(3, pending.size());
        assertEquals(5, pending.dropped(), "the five views of shipment 2 had no room left");
    }

    @Test
    void stores_kinds_as_the_database_names_them() {
        assertEquals("page_view", Kind.PAGE_VIEW.code());
        assertEquals("marketing_click", Kind.MARKETING_CLICK.code());
        assertEquals("return_click", Kind.RETURN_CLICK.code());
    }

    private CountKey key(long shipment) {
        return new CountKey(1, shipment, Kind.PAGE_VIEW, "", clock.instant());
    }
}
