package app.landfall.admin;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.notifications.Notice;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overview as a store's owner reads it: what needs them now (with counts that match the lists
 * they open), and the last seven days in the store's time zone. Another store's busy week is seeded
 * beside it and must never be counted.
 */
class OverviewIT {
    private static final String PASSWORD = "correct horse battery staple";
    /** 13:00 on Tuesday 8 December in Berlin: the week is Wed 2 – Tue 8 December. */
    private static final TestClock CLOCK = new TestClock("2026-12-08T12:00:00Z");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-08T12:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long alpha;
    private static long bravo;
    private static int numbers;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(), CLOCK);
        dsl = landfall.database().dsl();
        alpha = store("alpha");
        bravo = store("bravo");
        store("quiet");
        seed(alpha, "Too small");
        // bravo has more of everything, so any count that leaks across stores shows
        for (int i = 0; i < 3; i++) {
            seed(bravo, "Bravo's own reason");
        }
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @Test
    void what_needs_attention_is_counted_for_this_store_only_and_links_to_the_lists_that_show_it() {
        String home = signedIn("alpha").get("/admin").body();
        assertEquals(List.of(
                        "/admin/returns?status=requested|2|Returns to review",
                        "/admin/shipments?status=problems|2|Shipments with a problem",
                        "/admin/shipments?quiet_days=7|1|Stalled parcel",
                        "/admin/messages?status=failed|1|Failed message"),
                attention(home));
        assertFalse(home.contains("Nothing needs you right now"));
    }

    @Test
    void each_attention_link_opens_a_list_of_exactly_the_parcels_it_counted() {
        AdminClient owner = signedIn("alpha");
        String problems = owner.get("/admin/shipments?status=problems").body();
        assertTrue(problems.contains("ALPHAEXC") && problems.contains("ALPHAFAIL"), problems);
        assertFalse(problems.contains("ALPHAQUIET") || problems.contains("BRAVO"), "only the problems, only this store's");
        String stalled = owner.get("/admin/shipments?quiet_days=7").body();
        assertTrue(stalled.contains("ALPHAQUIET"));
        assertFalse(stalled.contains("ALPHAEXC") || stalled.contains("ALPHANEW") || stalled.contains("BRAVO"));
    }

    @Test
    void the_week_counts_this_stores_shipments_deliveries_and_returns_by_its_own_days() {
        String home = signedIn("alpha").get("/admin").body();
        assertTrue(home.contains("Wed 2 Dec – Tue 8 Dec"), "the week in the store's zone");
        // new shipments: Wed 2 (1), Tue 8 (4: one at 00:30 Berlin, still the 7th in UTC); the 1st is before the week
        assertEquals(List.of("Wed 2 Dec=1", "Thu 3 Dec=0", "Fri 4 Dec=0", "Sat 5 Dec=0", "Sun 6 Dec=0", "Mon 7 Dec=0", "Tue 8 Dec=4"),
                table(home, "Shipments"));
        assertTrue(home.contains("5 new shipments in the last 7 days"), home);
        // delivered: on time against a promise (Sat), late against a promise (Mon), on time against an estimate (Sun), no date (Fri)
        assertTrue(home.contains("2 of 3 delivered parcels (66%) arrived on time in the last 7 days."), home);
        assertTrue(home.contains("Measured against the promised date for 2 and the carrier&#39;s estimate for 1 (orders without a promised date). 1 had neither and is left out."),
                home);
        assertEquals(List.of("Wed 2 Dec=0|0", "Thu 3 Dec=0|0", "Fri 4 Dec=0|0", "Sat 5 Dec=1|1", "Sun 6 Dec=1|1", "Mon 7 Dec=1|0",
                "Tue 8 Dec=0|0"), table(home, "Delivered on time"));
        assertTrue(home.contains("3 returns were started in the last 7 days"), home);
        assertEquals(List.of("Too small=3", "Arrived damaged=1"), table(home, "Top return reasons"));
        assertFalse(home.contains("Bravo"), "nothing of the other store");
        assertTrue(home.contains("href=\"/admin/returns?reason=too_small&amp;from=2026-12-02&amp;to=2026-12-08\""), "a reason opens its returns");
    }

    @Test
    void each_chart_is_an_image_with_a_title_a_sentence_and_a_table_to_read_instead() {
        String home = signedIn("alpha").get("/admin").body();
        Matcher svg = Pattern.compile("<svg role=\"img\"[^>]*aria-labelledby=\"(chart-\\d)-title\"[^>]*>\\s*<title id=\"\\1-title\">([^<]+)</title>")
                .matcher(home);
        int charts = 0;
        while (svg.find()) {
            charts++;
            assertTrue(svg.group(2).contains(": "), "a title that says what it shows: " + svg.group(2));
        }
        assertEquals(4, charts, home);
        assertEquals(4, home.split("<details class=\"chart-data\"", -1).length - 1);
    }

    @Test
    void a_store_with_nothing_to_do_says_so_and_its_week_is_honestly_empty() {
        String home = signedIn("quiet").get("/admin").body();
        assertTrue(home.contains("Nothing needs you right now."), home);
        assertEquals(List.of(), attention(home));
        assertTrue(home.contains("No new shipments in the last 7 days."));
        assertTrue(home.contains("No parcels were delivered in the last 7 days."));
        assertTrue(home.contains("No returns were started in the last 7 days."));
        assertTrue(home.contains("No items were returned in the last 7 days"));
    }

    /** One of each thing the overview counts, and some it must not. */
    private static void seed(long store, String reasonLabel) {
        String prefix = store == alpha ? "ALPHA" : "BRAVO" + (++numbers);
        long reason = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, store)
                .set(RETURN_REASONS.CODE, store == alpha ? "too_small" : "bravo_" + numbers).set(RETURN_REASONS.LABEL, reasonLabel)
                .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
        long damaged = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, store)
                .set(RETURN_REASONS.CODE, store == alpha ? "damaged" : "bravo_damaged_" + numbers)
                .set(RETURN_REASONS.LABEL, store == alpha ? "Arrived damaged" : "Bravo damaged")
                .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
        // shipments: two problems, one stalled, four new today (one just after the store's midnight), one on the 2nd, one on the 1st
        shipment(store, prefix + "EXC", "Exception", NOW.minusDays(20), NOW.minusHours(3), null, null, null);
        shipment(store, prefix + "FAIL", "AttemptFail", NOW.minusDays(20), NOW.minusHours(5), null, null, null);
        shipment(store, prefix + "QUIET", "InTransit", NOW.minusDays(20), NOW.minusDays(9), null, null, null);
        shipment(store, prefix + "OLDDONE", "Delivered", NOW.minusDays(60), NOW.minusDays(50), NOW.minusDays(50), null, null);
        for (String at : List.of("2026-12-07T23:30:00Z", "2026-12-08T08:00:00Z", "2026-12-08T09:00:00Z", "2026-12-08T11:59:00Z")) {
            shipment(store, prefix + "NEW" + at.substring(11, 13), "InfoReceived", OffsetDateTime.parse(at), OffsetDateTime.parse(at), null, null, null);
        }
        shipment(store, prefix + "SECOND", "InfoReceived", OffsetDateTime.parse("2026-12-02T10:00:00Z"), NOW.minusHours(1), null, null, null);
        shipment(store, prefix + "FIRST", "InfoReceived", OffsetDateTime.parse("2026-12-01T22:30:00Z"), NOW.minusHours(1), null, null, null);
        // deliveries of the week (created long ago, so they are not new shipments)
        shipment(store, prefix + "ONTIME", "Delivered", NOW.minusDays(30), NOW.minusDays(3), OffsetDateTime.parse("2026-12-05T15:00:00Z"),
                LocalDate.parse("2026-12-06"), null);
        shipment(store, prefix + "LATE", "Delivered", NOW.minusDays(30), NOW.minusDays(1), OffsetDateTime.parse("2026-12-07T15:00:00Z"),
                LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-09"));
        shipment(store, prefix + "ESTIM", "Delivered", NOW.minusDays(30), NOW.minusDays(2), OffsetDateTime.parse("2026-12-06T22:30:00Z"),
                null, LocalDate.parse("2026-12-06"));
        shipment(store, prefix + "NODATE", "Delivered", NOW.minusDays(30), NOW.minusDays(4), OffsetDateTime.parse("2026-12-04T09:00:00Z"),
                null, null);
        // returns: two waiting for review, one approved (created this week), one from last month
        long[] order = order(store, prefix + "-R", null);
        returned(store, order, "requested", NOW.minusDays(1), reason, 2);
        returned(store, order, "requested", NOW.minusDays(2), reason, 1);
        returned(store, order, "approved", NOW.minusDays(3), damaged, 1);
        returned(store, order, "approved", NOW.minusDays(40), damaged, 5);
        // messages: one failed; one kept unsent (no mail server) and one sent need nobody
        message(store, Notice.Channel.EMAIL, "failed", prefix + "-1");
        message(store, Notice.Channel.EMAIL, "unsent", prefix + "-2");
        message(store, Notice.Channel.EMAIL, "sent", prefix + "-3");
    }

    private static void shipment(long store, String number, String status, OffsetDateTime created, OffsetDateTime lastEvent,
            OffsetDateTime delivered, LocalDate promised, LocalDate estimate) {
        long[] order = order(store, number, promised);
        dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store).set(SHIPMENTS.ORDER_ID, order[0]).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, number).set(SHIPMENTS.STATUS, status).set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.CREATED_AT, created).set(SHIPMENTS.UPDATED_AT, lastEvent).set(SHIPMENTS.LAST_EVENT_AT, lastEvent)
                .set(SHIPMENTS.DELIVERED_AT, delivered).set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, estimate).execute();
    }

    /** An order and its one line: {id, item id}. */
    private static long[] order(long store, String number, LocalDate promised) {
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, store).set(ORDERS.ORDER_NUMBER, number)
                .set(ORDERS.CUSTOMER_EMAIL, "c@example.com").set(ORDERS.PLACED_AT, NOW.minusDays(40)).set(ORDERS.PROMISED_DELIVERY_DATE, promised)
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        long item = dsl.insertInto(ORDER_ITEMS).set(ORDER_ITEMS.MERCHANT_ID, store).set(ORDER_ITEMS.ORDER_ID, order)
                .set(ORDER_ITEMS.SKU, "SKU-" + number).set(ORDER_ITEMS.TITLE, "Mug").set(ORDER_ITEMS.QUANTITY, 9)
                .set(ORDER_ITEMS.UNIT_PRICE, new BigDecimal("10.00")).returning(ORDER_ITEMS.ID).fetchSingle(ORDER_ITEMS.ID);
        return new long[] {order, item};
    }

    private static void returned(long store, long[] order, String status, OffsetDateTime created, long reason, int quantity) {
        long id = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, store).set(RETURNS.RMA_NUMBER, "R-" + Tokens.newToken().substring(0, 8).toUpperCase()
                        .replaceAll("[^A-Z0-9]", "X"))
                .set(RETURNS.ORDER_ID, order[0]).set(RETURNS.STATUS, status).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken()).set(RETURNS.CREATED_AT, created)
                .set(RETURNS.APPROVED_AT, status.equals("approved") ? created : null)
                .returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        long item = dsl.insertInto(ORDER_ITEMS).set(ORDER_ITEMS.MERCHANT_ID, store).set(ORDER_ITEMS.ORDER_ID, order[0])
                .set(ORDER_ITEMS.SKU, "SKU-" + id).set(ORDER_ITEMS.TITLE, "Mug").set(ORDER_ITEMS.QUANTITY, 9)
                .set(ORDER_ITEMS.UNIT_PRICE, new BigDecimal("10.00")).returning(ORDER_ITEMS.ID).fetchSingle(ORDER_ITEMS.ID);
        dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, store).set(RETURN_ITEMS.RETURN_ID, id).set(RETURN_ITEMS.ORDER_ITEM_ID, item)
                .set(RETURN_ITEMS.QUANTITY, quantity).set(RETURN_ITEMS.REASON_ID, reason).execute();
    }

    private static void message(long store, Notice.Channel channel, String status, String key) {
        landfall.notifications().outbox().add(dsl, new Notice(store, channel, "return.approved", "shopper@example.com", "en", Map.of(),
                "overview:" + key, null, null), NOW);
        dsl.update(NOTIFICATION_OUTBOX).set(NOTIFICATION_OUTBOX.STATUS, status)
                .set(NOTIFICATION_OUTBOX.SENT_AT, status.equals("sent") ? NOW : null)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(store)).and(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq("overview:" + key)).execute();
    }

    private static long store(String slug) {
        long id = TestMerchants.create(dsl, slug);
        dsl.update(MERCHANTS).set(MERCHANTS.TIMEZONE, "Europe/Berlin").where(MERCHANTS.ID.eq(id)).execute();
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, id).set(MERCHANT_USERS.EMAIL, "owner@" + slug + ".example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD)).set(MERCHANT_USERS.ROLE, "owner")
                .execute();
        return id;
    }

    private static AdminClient signedIn(String slug) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn("owner@" + slug + ".example", PASSWORD).statusCode());
        return client;
    }

    /** The attention list as "href|count|label". */
    private static List<String> attention(String html) {
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\">\\s*<span class=\"attention-count\">(\\d+)</span>\\s*<span class=\"attention-text\">\\s*<strong>([^<]+)</strong>")
                .matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&") + "|" + m.group(2) + "|" + m.group(3));
        }
        return out;
    }

    /** The data table of the chart with this heading, as "row=value" or "row=value|part". */
    private static List<String> table(String html, String heading) {
        int at = html.indexOf(">" + heading + "</h3>");
        assertTrue(at > 0, "no chart " + heading);
        String chart = html.substring(at, html.indexOf("</article>", at));
        Matcher row = Pattern.compile("<tr>\\s*<th scope=\"row\">(?:<a [^>]*>)?([^<]+)(?:</a>)?</th>\\s*<td class=\"num\">(\\d+)</td>(?:\\s*<td class=\"num\">(\\d+)</td>)?")
                .matcher(chart);
        List<String> out = new java.util.ArrayList<>();
        while (row.find()) {
            out.add(row.group(1) + "=" + row.group(2) + (row.group(3) == null ? "" : "|" + row.group(3)));
        }
        return out;
    }
}
