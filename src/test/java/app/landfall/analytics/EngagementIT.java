package app.landfall.analytics;

import static app.landfall.db.schema.Tables.ENGAGEMENT_COUNTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.analytics.Engagement.Kind;
import app.landfall.auth.Tokens;
import app.landfall.db.Database;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts recorded in memory reach engagement_counts, added up per shipment, kind, target and hour. */
class EngagementIT {
    private static Database database;
    private static DSLContext dsl;
    private final TestClock clock = new TestClock("2026-11-01T08:15:00Z");

    @BeforeAll
    static void start() {
        database = Database.start(TestDatabase.config());
        dsl = database.dsl();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        dsl.deleteFrom(ENGAGEMENT_COUNTS).execute();
    }

    @Test
    void writes_views_and_clicks_per_kind_target_and_hour() {
        long merchant = TestMerchants.create(dsl, "views");
        long shipment = shipment(merchant, "VIEWS00001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/sale");
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/new");
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/sale");
        engagement.record(merchant, shipment, Kind.RETURN_CLICK, null);
        clock.advance(Duration.ofHours(1));
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);

        assertEquals(5, engagement.flush());
        assertEquals(Map.of(
                "page_view  08:00", 2L,
                "page_view  09:00", 1L,
                "marketing_click https://shop.example/sale 08:00", 2L,
                "marketing_click https://shop.example/new 08:00", 1L,
                "return_click  08:00", 1L), counts(merchant));
        assertEquals(0, engagement.flush(), "nothing new to write");
    }

    @Test
    void adds_up_over_several_flushes() {
        long merchant = TestMerchants.create(dsl, "twice");
        long shipment = shipment(merchant, "TWICE00001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        assertEquals(1, engagement.flush());
        for (int i = 0; i < 3; i++) {
            engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        }
        assertEquals(1, engagement.flush());
        assertEquals(Map.of("page_view  08:00", 5L), counts(merchant));
    }

    @Test
    void adds_counts_from_several_instances() {
        long merchant = TestMerchants.create(dsl, "instances");
        long shipment = shipment(merchant, "INSTA00001");
        Engagement one = new Engagement(dsl, clock);
        Engagement other = new Engagement(dsl, clock);
        one.record(merchant, shipment, Kind.RETURN_CLICK, null);
        other.record(merchant, shipment, Kind.RETURN_CLICK, null);
        one.flush();
        other.flush();
        assertEquals(Map.of("return_click  08:00", 2L), counts(merchant));
    }

    @Test
    void skips_the_counts_of_a_deleted_shipment_and_writes_the_rest() {
        long merchant = TestMerchants.create(dsl, "deleted");
        long kept = shipment(merchant, "KEPT000001");
        long deleted = shipment(merchant, "GONE000001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(merchant, deleted, Kind.PAGE_VIEW, null);
        engagement.record(merchant, kept, Kind.PAGE_VIEW, null);
        engagement.record(merchant, 999_999, Kind.PAGE_VIEW, null);
        dsl.deleteFrom(SHIPMENTS).where(SHIPMENTS.ID.eq(deleted)).execute();

        assertEquals(1, engagement.flush());
        assertEquals(1, dsl.fetchCount(ENGAGEMENT_COUNTS));
        assertEquals(Map.of("page_view  08:00", 1L), counts(merchant));
        assertEquals(0, engagement.pendingKeys(), "skipped counts are not retried");
    }

    @Test
    void keeps_merchants_apart() {
        long first = TestMerchants.create(dsl, "first");
        long second = TestMerchants.create(dsl, "second");
        long firstShipment = shipment(first, "FIRST00001");
        long secondShipment = shipment(second, "SECND00001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(first, firstShipment, Kind.PAGE_VIEW, null);
        engagement.record(second, secondShipment, Kind.PAGE_VIEW, null);
        engagement.record(second, secondShipment, Kind.PAGE_VIEW, null);
        // another merchant's shipment id under this merchant is no shipment at all
        engagement.record(first, secondShipment, Kind.PAGE_VIEW, null);

        assertEquals(2, engagement.flush());
        assertEquals(Map.of("page_view  08:00", 1L), counts(first));
        assertEquals(Map.of("page_view  08:00", 2L), counts(second));
    }

    @Test
    void drops_new_keys_beyond_the_limit() {
        long merchant = TestMerchants.create(dsl, "limit");
        long shipment = shipment(merchant, "LIMIT00001");
        Engagement engagement = new Engagement(dsl, clock, 2);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        engagement.record(merchant, shipment, Kind.RETURN_CLICK, null);
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/");
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/");
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);

        assertEquals(2, engagement.dropped());
        assertEquals(2, engagement.flush());
        assertEquals(Map.of("page_view  08:00", 2L, "return_click  08:00", 1L), counts(merchant));
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/");
        assertEquals(1, engagement.flush(), "a flush makes room again");
    }

    @Test
    void writes_long_and_odd_targets() {
        long merchant = TestMerchants.create(dsl, "targets");
        long shipment = shipment(merchant, "TARGE00001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "\uD83D\uDCE6".repeat(600));
        engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/?q='x'\0;--");
        assertEquals(2, engagement.flush());
        assertEquals(500, dsl.select(DSL.max(DSL.charLength(ENGAGEMENT_COUNTS.TARGET))).from(ENGAGEMENT_COUNTS)
                .fetchOne().value1());
        assertEquals(1, dsl.fetchCount(ENGAGEMENT_COUNTS, ENGAGEMENT_COUNTS.TARGET.eq("https://shop.example/?q='x';--")));
    }

    @Test
    void writes_more_rows_than_one_statement_takes() {
        long merchant = TestMerchants.create(dsl, "many");
        long shipment = shipment(merchant, "MANY000001");
        Engagement engagement = new Engagement(dsl, clock);
        for (int i = 0; i < 12_001; i++) {
            engagement.record(merchant, shipment, Kind.MARKETING_CLICK, "https://shop.example/" + i);
        }
        assertEquals(12_001, engagement.flush());
        assertEquals(12_001, dsl.fetchCount(ENGAGEMENT_COUNTS, ENGAGEMENT_COUNTS.MERCHANT_ID.eq(merchant)));
    }

    @Test
    void keeps_the_counts_while_the_table_cannot_be_written() {
        long merchant = TestMerchants.create(dsl, "broken");
        long shipment = shipment(merchant, "BROKE00001");
        Engagement engagement = new Engagement(dsl, clock);
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        dsl.alterTable(ENGAGEMENT_COUNTS).renameTo("engagement_counts_away").execute();
        try {
            assertEquals(0, engagement.flush());
        } finally {
            dsl.alterTable(DSL.name("engagement_counts_away")).renameTo(ENGAGEMENT_COUNTS.getUnqualifiedName()).execute();
        }
        engagement.record(merchant, shipment, Kind.PAGE_VIEW, null);
        assertEquals(1, engagement.flush());
        assertEquals(Map.of("page_view  08:00", 2L), counts(merchant));
    }

    /** "kind target HH:mm" → count, for one merchant. */
    private static Map<String, Long> counts(long merchant) {
        Map<String, Long> counts = new TreeMap<>();
        dsl.selectFrom(ENGAGEMENT_COUNTS).where(ENGAGEMENT_COUNTS.MERCHANT_ID.eq(merchant)).forEach(row -> counts.put(
                row.getKind() + " " + row.getTarget() + " " + row.getHour().toInstant().toString().substring(11, 16),
                row.getCount()));
        return counts;
    }

    private static long shipment(long merchant, String number) {
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, number).set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.CREATED_AT, OffsetDateTime.parse("2026-10-30T10:00:00Z"))
                .returning(SHIPMENTS.ID).fetchOne().getId();
    }
}
