package app.landfall.returns;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.auth.Tokens;
import app.landfall.db.Database;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnSubmissions.Line;
import app.landfall.returns.ReturnSubmissions.Submission;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Submitting returns and moving them along, against PostgreSQL: one transaction each, locks, constraints, outbox. */
class ReturnsIT {
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final AtomicInteger ORDERS_MADE = new AtomicInteger();
    private static Database db;
    private static DSLContext dsl;
    private static ReturnSubmissions submissions;
    private static ReturnActions actions;
    private static long merchant;
    private static long other;
    private static long tooSmall;
    private static long damaged;

    @BeforeAll
    static void start() {
        db = Database.start(TestDatabase.config());
        dsl = db.dsl();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        submissions = new ReturnSubmissions(dsl, clock, new RmaNumbers(), 4);
        actions = new ReturnActions(dsl, clock, new app.landfall.notifications.Outbox());
        merchant = TestMerchants.create(dsl, "outfitter");
        other = TestMerchants.create(dsl, "rival");
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, merchant).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.RETURN_SHIPPING_FEE, new BigDecimal("5.00"))
                .set(RETURN_POLICIES.FEES_WAIVED_FOR_STORE_CREDIT, true).set(RETURN_POLICIES.STORE_CREDIT_BONUS_PERCENT, new BigDecimal("10"))
                .execute();
        tooSmall = reason("too_small", false);
        damaged = reason("damaged", true);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static long reason(String code, boolean review) {
        return dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, merchant).set(RETURN_REASONS.CODE, code)
                .set(RETURN_REASONS.LABEL, code).set(RETURN_REASONS.REQUIRES_PHOTOS, review).set(RETURN_REASONS.REQUIRES_REVIEW, review)
                .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
    }

    /** An order delivered 5 days ago with one item: 2 × 40.00. Returns the order id and the item id. */
    private static long[] deliveredOrder() {
        var placed = TestOrders.delivered(dsl, merchant, "RT-" + ORDERS_MADE.incrementAndGet(), NOW.atOffset(ZoneOffset.UTC));
        return new long[] {placed.orderId(), placed.itemId()};
    }

    private static String key() {
        return Tokens.newToken().substring(0, 32);
    }

    private static Submission submission(String key, long item, int quantity, long reason, Resolution resolution) {
        return new Submission(key, List.of(new Line(item, quantity, reason, reason == damaged ? "Seam open" : null,
                reason == damaged ? List.of(new ReturnSubmissions.Photo("image/png", new byte[] {1, 2, 3}, 1, 1)) : List.of(), null)),
                resolution, Method.QR_DROPOFF, null);
    }

    @Test
    void a_return_within_the_rules_is_approved_at_once_with_its_amounts_rules_and_notifications() {
        long[] order = deliveredOrder();
        var result = submissions.submit(merchant, order[0], submission(key(), order[1], 2, tooSmall, Resolution.REFUND)).orElseThrow();
        assertTrue(result.ok(), String.valueOf(result.decision()));
        var created = result.created();
        assertTrue(created.rma().matches("R-[34679ACDEFGHJKMNPQRTUVWXY]{6}"), created.rma());
        assertEquals(ReturnStatus.APPROVED, created.status());
        var row = dsl.selectFrom(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle();
        assertEquals(0, new BigDecimal("80.00").compareTo(row.getItemsValue()));
        assertEquals(0, new BigDecimal("5.00").compareTo(row.getShippingFee()));
        assertEquals(0, new BigDecimal("75.00").compareTo(row.getTotal()));
        assertTrue(row.getDropoffCode().matches("[0-9A-Z]{10}"));
        assertTrue(row.getDecision().data().contains("\"WINDOW\"") && row.getDecision().data().contains("AUTO_APPROVE"), row.getDecision().data());
        assertNotNull(row.getApprovedAt());
        assertEquals(2, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.RETURN_ID.eq(created.id())
                .and(NOTIFICATION_OUTBOX.TEMPLATE.eq("return.approved"))), "an email to the shopper and an event for the merchant");
    }

    @Test
    void store_credit_waives_the_fee_and_adds_the_bonus_and_damaged_goes_to_review() {
        long[] order = deliveredOrder();
        var result = submissions.submit(merchant, order[0], submission(key(), order[1], 1, damaged, Resolution.STORE_CREDIT)).orElseThrow();
        assertEquals(ReturnStatus.REQUESTED, result.created().status(), "damaged needs a person");
        var row = dsl.selectFrom(RETURNS).where(RETURNS.ID.eq(result.created().id())).fetchSingle();
        assertEquals(0, new BigDecimal("44.00").compareTo(row.getTotal()), "40.00, no fee, +10 %");
        assertTrue(row.getNeedsReview());
        assertTrue(row.getDecision().data().contains("REVIEW_REASON"));
    }

    @Test
    void the_same_form_submitted_eight_times_at_once_makes_one_return() throws Exception {
        long[] order = deliveredOrder();
        String key = key();
        List<Long> ids = inParallel(8, i -> submissions.submit(merchant, order[0], submission(key, order[1], 1, tooSmall, Resolution.REFUND))
                .orElseThrow().created().id());
        assertEquals(1, new HashSet<>(ids).size(), ids.toString());
        assertEquals(1, dsl.fetchCount(RETURNS, RETURNS.ORDER_ID.eq(order[0])));
        assertEquals(1, dsl.fetchCount(RETURN_ITEMS, RETURN_ITEMS.RETURN_ID.eq(ids.get(0))));
    }

    @Test
    void eight_returns_at_once_never_take_back_more_than_was_ordered() throws Exception {
        long[] order = deliveredOrder(); // 2 units
        List<Boolean> made = inParallel(8, i -> submissions.submit(merchant, order[0], submission(key(), order[1], 1, tooSmall, Resolution.REFUND))
                .orElseThrow().ok());
        assertEquals(2, made.stream().filter(ok -> ok).count(), made.toString());
        Integer units = dsl.select(org.jooq.impl.DSL.sum(RETURN_ITEMS.QUANTITY)).from(RETURN_ITEMS).join(RETURNS)
                .on(RETURNS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURNS.ID.eq(RETURN_ITEMS.RETURN_ID))
                .where(RETURNS.ORDER_ID.eq(order[0])).fetchSingle().value1().intValue();
        assertEquals(2, units);
    }

    @Test
    void bad_input_is_refused_and_nothing_is_stored() {
        long[] order = deliveredOrder();
        long[] another = deliveredOrder();
        int before = dsl.fetchCount(RETURNS);
        int outbox = dsl.fetchCount(NOTIFICATION_OUTBOX);
        var negative = submissions.submit(merchant, order[0], submission(key(), order[1], -1, tooSmall, Resolution.REFUND)).orElseThrow();
        assertFalse(negative.ok());
        assertEquals("items[0].quantity", negative.decision().problems().get(0).field());
        var foreign = submissions.submit(merchant, order[0], submission(key(), another[1], 1, tooSmall, Resolution.REFUND)).orElseThrow();
        assertEquals("return.problem.unknown_item", foreign.decision().problems().get(0).message(), "another order's item");
        var noPhoto = submissions.submit(merchant, order[0], new Submission(key(),
                List.of(new Line(order[1], 1, damaged, "Torn", List.of(), null)), Resolution.REFUND, Method.QR_DROPOFF, null)).orElseThrow();
        assertEquals("items[0].photos", noPhoto.decision().problems().get(0).field());
        var otherMerchantsReason = submissions.submit(merchant, order[0], submission(key(), order[1], 1, 999_999, Resolution.REFUND)).orElseThrow();
        assertEquals("items[0].reason", otherMerchantsReason.decision().problems().get(0).field());
        assertTrue(submissions.submit(other, order[0], submission(key(), order[1], 1, tooSmall, Resolution.REFUND)).isEmpty(),
                "another merchant's order does not exist for them");
        assertThrows(IllegalArgumentException.class, () -> submissions.submit(merchant, order[0],
                submission("short", order[1], 1, tooSmall, Resolution.REFUND)));
        assertEquals(before, dsl.fetchCount(RETURNS));
        assertEquals(outbox, dsl.fetchCount(NOTIFICATION_OUTBOX));
    }

    @Test
    void a_discounted_order_refunds_at_most_what_was_paid_and_more_than_suggested_only_by_an_admin_with_a_reason() {
        long[] order = deliveredOrder();
        dsl.update(ORDERS).set(ORDERS.DISCOUNT_AMOUNT, new BigDecimal("8.00")).where(ORDERS.ID.eq(order[0])).execute();
        long id = submissions.submit(merchant, order[0], submission(key(), order[1], 1, tooSmall, Resolution.REFUND)).orElseThrow().created().id();
        var row = dsl.selectFrom(RETURNS).where(RETURNS.ID.eq(id)).fetchSingle();
        assertEquals(0, new BigDecimal("36.00").compareTo(row.getItemsValue()), "2 × 40.00 with 8.00 off: 36.00 paid for one, not 40.00");
        assertEquals(0, new BigDecimal("31.00").compareTo(row.getTotal()), "less the 5.00 return shipping");
        long item = dsl.select(RETURN_ITEMS.ID).from(RETURN_ITEMS).where(RETURN_ITEMS.RETURN_ID.eq(id)).fetchSingle().value1();
        assertTrue(actions.markInTransit(merchant, id).done());
        assertTrue(actions.markReceived(merchant, id, Map.of(item, new ReturnActions.Received(1, "as_new"))).done());

        List<Map<String, Object>> audited = new java.util.ArrayList<>();
        ReturnActions recorded = actions.audited((tx, m, r, rma, status, details) -> audited.add(details));
        var bySupport = recorded.resolve(merchant, id, Resolution.REFUND, new BigDecimal("31.01"), false, "Because");
        assertEquals("Only an owner or admin can pay more than the suggested 31.00.", bySupport.message());
        var tooMuch = recorded.resolve(merchant, id, Resolution.REFUND, new BigDecimal("1000000"), true, "Goodwill");
        assertEquals("At most 36.00 can be refunded: what was paid for the returned items.", tooMuch.message());
        assertFalse(recorded.resolve(merchant, id, Resolution.REFUND, new BigDecimal("36.00"), true, "").done(), "an admin says why");
        assertEquals("received", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(id)).fetchSingle().value1());
        assertTrue(audited.isEmpty(), "nothing refused is recorded");

        var byAdmin = recorded.resolve(merchant, id, Resolution.REFUND, new BigDecimal("36.00"), true, "Our label never printed");
        assertTrue(byAdmin.done(), byAdmin.message());
        assertEquals(Map.of("amount", "36.00", "suggested", "31.00", "above_suggested_because", "Our label never printed"), audited.get(0));
        assertThrows(DataAccessException.class, () -> dsl.update(RETURNS).set(RETURNS.REFUND_AMOUNT, new BigDecimal("36.01"))
                .where(RETURNS.ID.eq(id)).execute(), "the database holds the line too");
    }

    @Test
    void a_returns_emails_are_in_the_customers_page_choice_else_the_orders_language_else_english() {
        long[] plain = deliveredOrder();
        long english = submissions.submit(merchant, plain[0], submission(key(), plain[1], 1, tooSmall, Resolution.REFUND)).orElseThrow()
                .created().id();
        assertEquals("en", emailLanguage(english), "no language anywhere: English");
        long[] order = deliveredOrder();
        dsl.update(ORDERS).set(ORDERS.LANGUAGE, "de").where(ORDERS.ID.eq(order[0])).execute();
        long id = submissions.submit(merchant, order[0], submission(key(), order[1], 1, tooSmall, Resolution.REFUND)).orElseThrow()
                .created().id();
        assertEquals("de", emailLanguage(id), "the new return's email, in the order's language");
        dsl.update(ORDERS).set(ORDERS.PAGE_LANGUAGE, "fr").where(ORDERS.ID.eq(order[0])).execute();
        assertTrue(actions.markInTransit(merchant, id).done());
        assertEquals("fr", emailLanguage(id), "the next one, in the language the customer chose on a page");
    }

    private static String emailLanguage(long returnId) {
        return dsl.select(NOTIFICATION_OUTBOX.LANGUAGE).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.RETURN_ID.eq(returnId))
                .and(NOTIFICATION_OUTBOX.CHANNEL.eq("email")).orderBy(NOTIFICATION_OUTBOX.ID.desc()).limit(1)
                .fetchSingle(NOTIFICATION_OUTBOX.LANGUAGE);
    }

    @Test
    void a_return_moves_step_by_step_and_a_skipped_step_is_refused_here_and_by_the_database() {
        long[] order = deliveredOrder();
        long id = submissions.submit(merchant, order[0], submission(key(), order[1], 1, damaged, Resolution.REFUND)).orElseThrow().created().id();

        var early = actions.resolve(merchant, id, Resolution.REFUND, new BigDecimal("35.00"), false, null);
        assertFalse(early.done());
        assertTrue(early.message().contains("is requested, so it cannot be refunded"), early.message());
        assertFalse(actions.approve(other, id).found(), "another merchant's return does not exist for them");
        assertThrows(DataAccessException.class, () -> dsl.update(RETURNS).set(RETURNS.STATUS, "refunded").where(RETURNS.ID.eq(id)).execute(),
                "the database refuses the skipped step too");

        assertTrue(actions.approve(merchant, id).done());
        assertTrue(actions.markInTransit(merchant, id).done());
        assertFalse(actions.cancel(merchant, id).done(), "too late to cancel once it ships");
        long item = dsl.select(RETURN_ITEMS.ID).from(RETURN_ITEMS).where(RETURN_ITEMS.RETURN_ID.eq(id)).fetchSingle().value1();
        assertFalse(actions.markReceived(merchant, id, Map.of(item, new ReturnActions.Received(5, "as_new"))).done(), "more than it lists");
        assertFalse(actions.markReceived(merchant, id, Map.of(item, new ReturnActions.Received(1, "shiny"))).done());
        assertEquals("in_transit", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(id)).fetchSingle().value1(),
                "a refused step changes nothing");
        assertTrue(actions.markReceived(merchant, id, Map.of(item, new ReturnActions.Received(1, "damaged"))).done());
        assertFalse(actions.resolve(merchant, id, Resolution.REFUND, new BigDecimal("-1"), false, null).done());
        var refunded = actions.resolve(merchant, id, Resolution.REFUND, new BigDecimal("40.00"), true, "The seam was our fault: label refunded too");
        assertTrue(refunded.done(), refunded.message());
        var row = dsl.selectFrom(RETURNS).where(RETURNS.ID.eq(id)).fetchSingle();
        assertEquals("refunded", row.getStatus());
        assertEquals(0, new BigDecimal("40.00").compareTo(row.getRefundAmount()));
        assertEquals("damaged", dsl.select(RETURN_ITEMS.CONDITION).from(RETURN_ITEMS).where(RETURN_ITEMS.ID.eq(item)).fetchSingle().value1());
        List<String> events = dsl.select(NOTIFICATION_OUTBOX.TEMPLATE).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.RETURN_ID.eq(id)).and(NOTIFICATION_OUTBOX.CHANNEL.eq("webhook"))
                .orderBy(NOTIFICATION_OUTBOX.ID).fetch(NOTIFICATION_OUTBOX.TEMPLATE);
        assertEquals(List.of("return.requested", "return.approved", "return.in_transit", "return.received", "return.refunded"), events);
        assertFalse(actions.reject(merchant, id, "late").done(), "a refunded return is final");
    }

    @Test
    void a_rejection_needs_a_reason_and_a_cancelled_return_gives_its_items_back() {
        long[] order = deliveredOrder();
        long id = submissions.submit(merchant, order[0], submission(key(), order[1], 2, tooSmall, Resolution.REFUND)).orElseThrow().created().id();
        assertFalse(actions.reject(merchant, id, " ").done());
        assertTrue(actions.cancel(merchant, id).done());
        var again = submissions.submit(merchant, order[0], submission(key(), order[1], 2, tooSmall, Resolution.EXCHANGE)).orElseThrow();
        assertFalse(again.ok(), "no variants known: an exchange has nothing to offer");
        assertTrue(submissions.submit(merchant, order[0], submission(key(), order[1], 2, tooSmall, Resolution.REFUND)).orElseThrow().ok(),
                "the cancelled return's units can be returned again");
    }

    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return task.apply(index);
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    @Test
    void an_approved_return_opens_its_parcel_whose_first_scan_puts_the_return_in_transit() {
        var shipments = app.landfall.db.schema.Tables.SHIPMENTS;
        var ingestion = new app.landfall.tracking.EventIngestion(dsl, Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(30),
                new ReturnParcels(new app.landfall.notifications.Outbox()));
        long[] order = deliveredOrder();
        var created = submissions.submit(merchant, order[0], submission(key(), order[1], 1, tooSmall, Resolution.REFUND)).orElseThrow().created();
        var row = dsl.selectFrom(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle();
        assertNotNull(row.getReturnShipmentId(), "approved at once: the parcel is opened with the return");
        var parcel = dsl.selectFrom(shipments).where(shipments.MERCHANT_ID.eq(merchant)).and(shipments.ID.eq(row.getReturnShipmentId())).fetchSingle();
        assertEquals("return", parcel.getDirection());
        assertEquals(row.getDropoffCode(), parcel.getTrackingNumber(), "the carrier scans the drop-off code");
        assertEquals("unknown", parcel.getCarrier());
        assertEquals("Pending", parcel.getStatus());
        assertEquals(order[0], parcel.getOrderId());

        var labelCreated = new app.landfall.tracking.IncomingEvent(NOW.minusSeconds(3600).atOffset(ZoneOffset.UTC),
                app.landfall.tracking.CanonicalStatus.of(app.landfall.tracking.ShipmentStatus.InfoReceived), "LC", "Label created",
                null, null, null, null, null, null, "lc-1");
        ingestion.append(merchant, parcel.getId(), List.of(labelCreated), "api").orElseThrow();
        assertEquals("approved", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle().value1(),
                "a label is not a parcel handed over");
        var scanned = new app.landfall.tracking.IncomingEvent(NOW.minusSeconds(600).atOffset(ZoneOffset.UTC),
                app.landfall.tracking.CanonicalStatus.of(app.landfall.tracking.ShipmentStatus.InTransit), "PU", "Picked up",
                "Burlington, VT", "Burlington", "VT", "05401", "US", "America/New_York", "pu-1");
        ingestion.append(merchant, parcel.getId(), List.of(scanned), "api").orElseThrow();
        assertEquals("in_transit", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle().value1());
        assertEquals(2, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.RETURN_ID.eq(created.id())
                .and(NOTIFICATION_OUTBOX.TEMPLATE.eq("return.in_transit"))), "an email and an event, in the ingesting transaction");
        var parcelShown = new ReturnRecords(dsl).parcel(merchant, created.id()).orElseThrow();
        assertEquals("InTransit", parcelShown.status());
        assertEquals("Burlington, VT", parcelShown.lastScanPlace());
        assertTrue(new ReturnRecords(dsl).parcel(other, created.id()).isEmpty(), "another merchant sees no parcel");

        // a return that waits for review has no parcel until it is approved; then it gets one
        long[] second = deliveredOrder();
        var reviewed = submissions.submit(merchant, second[0], submission(key(), second[1], 1, damaged, Resolution.REFUND)).orElseThrow().created();
        assertEquals(ReturnStatus.REQUESTED, reviewed.status());
        assertEquals(null, dsl.select(RETURNS.RETURN_SHIPMENT_ID).from(RETURNS).where(RETURNS.ID.eq(reviewed.id())).fetchSingle().value1());
        assertTrue(actions.approve(merchant, reviewed.id()).done());
        Long opened = dsl.select(RETURNS.RETURN_SHIPMENT_ID).from(RETURNS).where(RETURNS.ID.eq(reviewed.id())).fetchSingle().value1();
        assertNotNull(opened);
        assertEquals(1, dsl.fetchCount(shipments, shipments.MERCHANT_ID.eq(merchant).and(shipments.ID.eq(opened))
                .and(shipments.DIRECTION.eq("return"))));

        // a label return is tracked under its RMA
        long[] third = deliveredOrder();
        var labelled = submissions.submit(merchant, third[0], new Submission(key(), List.of(new Line(third[1], 1, tooSmall, null, List.of(), null)),
                Resolution.REFUND, Method.PRINTABLE_LABEL, null)).orElseThrow().created();
        String number = dsl.select(shipments.TRACKING_NUMBER).from(shipments).join(RETURNS).on(RETURNS.RETURN_SHIPMENT_ID.eq(shipments.ID))
                .where(RETURNS.ID.eq(labelled.id())).fetchSingle().value1();
        assertEquals(labelled.rma().replace("-", ""), number);
    }

    @Test
    void a_clashing_rma_is_drawn_again_and_leaves_no_parcel_behind() {
        var shipments = app.landfall.db.schema.Tables.SHIPMENTS;
        // two submitters drawing the same random sequence: the second's first RMA is taken
        var first = new ReturnSubmissions(dsl, Clock.fixed(NOW, ZoneOffset.UTC), new RmaNumbers(new java.util.Random(7)), 4);
        var second = new ReturnSubmissions(dsl, Clock.fixed(NOW, ZoneOffset.UTC), new RmaNumbers(new java.util.Random(7)), 4);
        long[] a = deliveredOrder();
        long[] b = deliveredOrder();
        var one = first.submit(merchant, a[0], submission(key(), a[1], 1, tooSmall, Resolution.REFUND)).orElseThrow().created();
        var two = second.submit(merchant, b[0], submission(key(), b[1], 1, tooSmall, Resolution.REFUND)).orElseThrow().created();
        assertTrue(!one.rma().equals(two.rma()), one.rma() + " drawn twice");
        for (long order : new long[] {a[0], b[0]}) {
            assertEquals(1, dsl.fetchCount(shipments, shipments.MERCHANT_ID.eq(merchant).and(shipments.ORDER_ID.eq(order))
                    .and(shipments.DIRECTION.eq("return"))), "one parcel per return, none left over from the clash");
        }
    }
}
