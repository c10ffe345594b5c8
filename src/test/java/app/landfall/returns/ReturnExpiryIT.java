package app.landfall.returns;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.auth.Tokens;
import app.landfall.db.Database;
import app.landfall.db.schema.tables.records.ReturnItemsRecord;
import app.landfall.db.schema.tables.records.ReturnsRecord;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnSubmissions.Line;
import app.landfall.returns.ReturnSubmissions.Submission;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approved returns whose parcel never leaves expire after the policy's ship_within_days: only
 * those, with the outbox told, once. The scenario is built and swept once; the tests look at it.
 */
class ReturnExpiryIT {
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant SWEEP = T0.plus(Duration.ofDays(11));
    private static final AtomicInteger ORDERS_MADE = new AtomicInteger();
    private static Database db;
    private static DSLContext dsl;
    private static TestClock clock;
    private static ReturnSubmissions submissions;
    private static ReturnActions actions;
    private static ReturnExpiry expiry;
    private static Map<String, Long> returns;
    private static int firstRun;

    @BeforeAll
    static void start() {
        db = Database.start(TestDatabase.config());
        dsl = db.dsl();
        clock = new TestClock(T0);
        submissions = new ReturnSubmissions(dsl, clock, new RmaNumbers(), 4);
        actions = new ReturnActions(dsl, clock, new app.landfall.notifications.Outbox());
        expiry = new ReturnExpiry(dsl, clock, new app.landfall.notifications.Outbox());

        long strict = TestMerchants.create(dsl, "strict"); // 10 days to send it
        policy(strict, 10);
        long relaxed = TestMerchants.create(dsl, "relaxed"); // 60 days to send it
        policy(relaxed, 60);
        long unset = TestMerchants.create(dsl, "unset"); // no policy: the default 30 days

        returns = new java.util.HashMap<>();
        returns.put("qr drop-off approved 11 days ago", submit(strict, Method.QR_DROPOFF, false, T0));
        returns.put("printed label approved 11 days ago", submit(strict, Method.PRINTABLE_LABEL, false, T0));
        returns.put("in store approved 11 days ago", submit(strict, Method.IN_STORE, false, T0));
        returns.put("requested 11 days ago", submit(strict, Method.QR_DROPOFF, true, T0));
        long inTransit = submit(strict, Method.QR_DROPOFF, false, T0);
        assertTrue(actions.markInTransit(strict, inTransit).done());
        returns.put("in transit, approved 11 days ago", inTransit);
        long kept = submit(strict, Method.QR_DROPOFF, false, T0);
        dsl.update(RETURN_ITEMS).set(RETURN_ITEMS.KEEP_ITEM, true).where(RETURN_ITEMS.RETURN_ID.eq(kept)).execute();
        returns.put("only kept items, approved 11 days ago", kept);
        long scanned = submit(strict, Method.PRINTABLE_LABEL, false, T0);
        returnShipment(strict, scanned, "InTransit");
        returns.put("label scanned by the carrier, approved 11 days ago", scanned);
        long labelOnly = submit(strict, Method.PRINTABLE_LABEL, false, T0);
        returnShipment(strict, labelOnly, "InfoReceived");
        returns.put("label made but never scanned, approved 11 days ago", labelOnly);
        returns.put("qr drop-off approved 6 days ago", submit(strict, Method.QR_DROPOFF, false, T0.plus(Duration.ofDays(5))));
        returns.put("another merchant's, approved 51 days ago", submit(relaxed, Method.QR_DROPOFF, false, T0.minus(Duration.ofDays(40))));
        returns.put("another merchant's, approved 66 days ago", submit(relaxed, Method.QR_DROPOFF, false, T0.minus(Duration.ofDays(55))));
        returns.put("no policy, approved 29 days ago", submit(unset, Method.QR_DROPOFF, false, T0.minus(Duration.ofDays(18))));
        returns.put("no policy, approved 31 days ago", submit(unset, Method.QR_DROPOFF, false, T0.minus(Duration.ofDays(20))));

        clock.set(SWEEP);
        firstRun = expiry.run();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void policy(long merchant, int shipWithinDays) {
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, merchant).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.SHIP_WITHIN_DAYS, shipWithinDays)
                .set(RETURN_POLICIES.METHODS, new String[] {"qr_dropoff", "printable_label", "in_store"}).execute();
    }

    /** A return of one unit, submitted (and so approved, unless the reason needs a review) at {@code at}. */
    private static long submit(long merchant, Method method, boolean review, Instant at) {
        clock.set(at);
        String code = review ? "inspect" : "too_small";
        Long reason = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS)
                .where(RETURN_REASONS.MERCHANT_ID.eq(merchant)).and(RETURN_REASONS.CODE.eq(code)).fetchOne(RETURN_REASONS.ID);
        if (reason == null) {
            reason = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, merchant).set(RETURN_REASONS.CODE, code)
                    .set(RETURN_REASONS.LABEL, code).set(RETURN_REASONS.REQUIRES_REVIEW, review)
                    .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
        }
        var order = TestOrders.delivered(dsl, merchant, "EX-" + ORDERS_MADE.incrementAndGet(), at.atOffset(ZoneOffset.UTC));
        var created = submissions.submit(merchant, order.orderId(), new Submission(Tokens.newToken().substring(0, 24),
                List.of(new Line(order.itemId(), 1, reason, null, List.of(), null)), Resolution.REFUND, method, null))
                .orElseThrow().created();
        assertEquals(review ? ReturnStatus.REQUESTED : ReturnStatus.APPROVED, created.status());
        return created.id();
    }

    private static void returnShipment(long merchant, long returnId, String status) {
        long order = dsl.select(RETURNS.ORDER_ID).from(RETURNS).where(RETURNS.ID.eq(returnId)).fetchSingle(RETURNS.ORDER_ID);
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, "return").set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1ZRET" + returnId).set(SHIPMENTS.STATUS, status)
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        dsl.update(RETURNS).set(RETURNS.RETURN_SHIPMENT_ID, shipment).where(RETURNS.ID.eq(returnId)).execute();
    }

    private static String status(String which) {
        return dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(returns.get(which))).fetchSingle(RETURNS.STATUS);
    }

    private static final List<String> EXPIRED = List.of("qr drop-off approved 11 days ago", "printed label approved 11 days ago",
            "label made but never scanned, approved 11 days ago", "another merchant's, approved 66 days ago",
            "no policy, approved 31 days ago");

    @Test
    void only_approved_returns_to_be_sent_and_past_their_own_policys_days_expire() {
        for (String which : returns.keySet()) {
            String expected = EXPIRED.contains(which) ? "expired"
                    : which.startsWith("requested") ? "requested" : which.startsWith("in transit") ? "in_transit" : "approved";
            assertEquals(expected, status(which), which);
        }
        assertEquals(EXPIRED.size(), firstRun);
        for (String which : EXPIRED) {
            assertEquals(SWEEP, dsl.select(RETURNS.UPDATED_AT).from(RETURNS).where(RETURNS.ID.eq(returns.get(which)))
                    .fetchSingle(RETURNS.UPDATED_AT).toInstant(), which);
        }
    }

    @Test
    void an_expired_return_tells_the_shopper_and_the_merchant_through_the_outbox() {
        for (String which : returns.keySet()) {
            var rows = dsl.select(NOTIFICATION_OUTBOX.CHANNEL, NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.PAYLOAD)
                    .from(NOTIFICATION_OUTBOX)
                    .where(NOTIFICATION_OUTBOX.RETURN_ID.eq(returns.get(which))).and(NOTIFICATION_OUTBOX.TEMPLATE.eq("return.expired"))
                    .orderBy(NOTIFICATION_OUTBOX.CHANNEL).fetch();
            if (!EXPIRED.contains(which)) {
                assertEquals(0, rows.size(), which);
                continue;
            }
            assertEquals(List.of("email", "webhook"), rows.map(r -> r.value1()), which);
            assertTrue(rows.get(0).value2().endsWith("@example.com"), which);
            assertTrue(rows.get(1).value3().data().contains("\"status\": \"expired\""), rows.get(1).value3().data());
        }
    }

    @Test
    void a_second_run_changes_nothing() {
        int outbox = dsl.fetchCount(NOTIFICATION_OUTBOX);
        var before = dsl.select(RETURNS.ID, RETURNS.STATUS, RETURNS.UPDATED_AT).from(RETURNS).orderBy(RETURNS.ID).fetch();
        clock.advance(Duration.ofHours(1));
        assertEquals(0, expiry.run());
        assertEquals(outbox, dsl.fetchCount(NOTIFICATION_OUTBOX));
        assertEquals(before, dsl.select(RETURNS.ID, RETURNS.STATUS, RETURNS.UPDATED_AT).from(RETURNS).orderBy(RETURNS.ID).fetch());
    }

    @Test
    void a_return_another_transaction_holds_is_skipped_without_waiting_and_expired_next_time() throws Exception {
        long merchant = TestMerchants.create(dsl, "busy");
        policy(merchant, 10);
        Instant now = clock.instant();
        long held = submit(merchant, Method.QR_DROPOFF, false, now.minus(Duration.ofDays(20)));
        clock.set(now);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> dsl.transaction(cfg -> {
            DSL.using(cfg).selectFrom(RETURNS).where(RETURNS.ID.eq(held)).forUpdate().fetch();
            locked.countDown();
            release.await(30, TimeUnit.SECONDS);
        }));
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            assertEquals(0, expiry.run());
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        assertEquals("approved", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(held)).fetchSingle(RETURNS.STATUS));
        assertEquals(1, expiry.run());
        assertEquals("expired", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(held)).fetchSingle(RETURNS.STATUS));
    }

    @Test
    void more_than_a_batch_all_expire_in_one_run() {
        long merchant = TestMerchants.create(dsl, "bulk");
        policy(merchant, 10);
        var order = TestOrders.delivered(dsl, merchant, "BULK-1", clock.instant().atOffset(ZoneOffset.UTC));
        var approvedAt = clock.instant().minus(Duration.ofDays(12)).atOffset(ZoneOffset.UTC);
        List<ReturnsRecord> rows = new java.util.ArrayList<>();
        for (int i = 0; i < ReturnExpiry.BATCH + 1; i++) {
            rows.add(new ReturnsRecord().setMerchantId(merchant).setRmaNumber("R-BULK-" + i).setOrderId(order.orderId())
                    .setStatus("approved").setResolution("refund").setMethod("qr_dropoff").setPublicToken(Tokens.newToken())
                    .setApprovedAt(approvedAt).setCreatedAt(approvedAt).setUpdatedAt(approvedAt));
        }
        dsl.batchInsert(rows).execute();
        List<ReturnItemsRecord> items = dsl.select(RETURNS.ID).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(merchant)).fetch(RETURNS.ID)
                .stream().map(id -> new ReturnItemsRecord().setMerchantId(merchant).setReturnId(id).setOrderItemId(order.itemId())
                        .setQuantity(1)).toList();
        assertEquals(ReturnExpiry.BATCH + 1, items.size());
        dsl.batchInsert(items).execute();
        assertEquals(ReturnExpiry.BATCH + 1, expiry.run());
        assertEquals(0, dsl.fetchCount(RETURNS, RETURNS.MERCHANT_ID.eq(merchant).and(RETURNS.STATUS.ne("expired"))));
    }
}
