package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.demo.DemoData;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ExpirySweep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Carrier events through the real ingestion (the events API) become emails to the order's customer
 * in the same transaction: once per moment, never for a replay, skipped when the parcel has moved
 * on, never when the store turned the moment off, never for return parcels or orders without an
 * address, and never for a demo store's back-dated history.
 */
class ShipmentNoticesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestClock CLOCK = new TestClock("2026-12-07T18:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;
    private static long other;
    private static String key;
    private static String otherKey;
    private static int parcels;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false")), CLOCK);
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "harbour");
        other = TestMerchants.create(dsl, "quay");
        key = new ApiKeys(dsl).create(store, "test");
        otherKey = new ApiKeys(dsl).create(other, "test");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    /** A parcel of an order whose customer is {@code email} (null: no address), going out or coming back. */
    private static long parcel(long merchant, String email, String direction) {
        return parcel(merchant, email, null, direction);
    }

    /** As above, the order's customer with a phone number ({@code phone} null: none). */
    private static long parcel(long merchant, String email, String phone, String direction) {
        parcels++;
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchant).set(ORDERS.ORDER_NUMBER, "#" + (1000 + parcels))
                .set(ORDERS.CUSTOMER_EMAIL, email).set(ORDERS.CUSTOMER_PHONE, phone)
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-05T10:00:00Z"))
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, direction).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z" + String.format("%016d", parcels)).set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
    }

    private static long parcel(String email) {
        return parcel(store, email, "outbound");
    }

    /** Posts one carrier event (its id doubles as its dedupe key) at a time of 7 December. */
    private static void event(long shipment, String id, String time, String status, String apiKey) throws Exception {
        String body = "{\"events\":[{\"event_id\":\"" + id + "\",\"occurred_at\":\"2026-12-07T" + time + ":00Z\",\"status\":\""
                + status + "\"}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
    }

    private static void event(long shipment, String id, String time, String status) throws Exception {
        event(shipment, id, time, status, key);
    }

    private static List<NotificationOutboxRecord> notices(long shipment) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipment))
                .orderBy(NOTIFICATION_OUTBOX.ID).fetch();
    }

    private static List<String> summary(long shipment) {
        return notices(shipment).stream().map(n -> n.getTemplate() + " " + n.getStatus()).toList();
    }

    @Test
    void each_moment_of_the_journey_is_one_email_to_the_orders_customer_and_a_replay_adds_none() throws Exception {
        long shipment = parcel("zoe@example.com");
        event(shipment, "e1", "08:00", "InfoReceived");
        List<NotificationOutboxRecord> written = notices(shipment);
        assertEquals(1, written.size());
        NotificationOutboxRecord notice = written.get(0);
        assertEquals("shipment.label_created", notice.getTemplate());
        assertEquals("email", notice.getChannel());
        assertEquals("zoe@example.com", notice.getRecipient());
        assertEquals("pending", notice.getStatus());
        assertEquals("shipment:" + shipment + ":label_created:email", notice.getDedupeKey());
        assertEquals(store, notice.getMerchantId());

        event(shipment, "e1", "08:00", "InfoReceived");
        assertEquals(1, notices(shipment).size(), "a replayed event sends nothing more");

        event(shipment, "e2", "09:00", "InTransit");
        event(shipment, "e3", "11:00", "InTransit"); // the same status again: no change, no message
        assertEquals(List.of("shipment.label_created skipped", "shipment.shipped pending"), summary(shipment),
                "the first scan is 'shipped'; the label message, still waiting, is stale");
    }

    @Test
    void a_message_still_waiting_is_skipped_when_the_parcel_moves_on_but_one_being_sent_is_left_alone() throws Exception {
        long shipment = parcel("ines@example.com");
        event(shipment, "a", "09:00", "InTransit");
        // a sender claims 'shipped' (it is being sent now) …
        dsl.transaction(cfg -> landfall.notifications().outbox().claimEmails(org.jooq.impl.DSL.using(cfg),
                OffsetDateTime.now(CLOCK), Duration.ofMinutes(5), 100));
        event(shipment, "b", "12:00", "OutForDelivery");
        event(shipment, "c", "15:30", "Delivered");
        assertEquals(List.of("shipment.shipped sending", "shipment.out_for_delivery skipped", "shipment.delivered pending"),
                summary(shipment));
        NotificationOutboxRecord outForDelivery = notices(shipment).get(1);
        assertEquals("Skipped: the parcel was already delivered when this would have gone out.", outForDelivery.getLastError());
    }

    @Test
    void a_moment_the_store_turned_off_sends_nothing_and_another_stores_settings_are_untouched() throws Exception {
        dsl.transaction(cfg -> NotificationTriggers.save(org.jooq.impl.DSL.using(cfg), store, List.of("email"),
                Set.of(new NotificationTriggers.Switch("shipment.delivered", "email")), OffsetDateTime.now(CLOCK)));
        try {
            long ours = parcel("ada@example.com");
            event(ours, "x", "10:00", "OutForDelivery");
            assertEquals(List.of(), summary(ours), "out for delivery is off in this store");
            event(ours, "y", "14:00", "Delivered");
            assertEquals(List.of("shipment.delivered pending"), summary(ours));

            long theirs = parcel(other, "bo@example.com", "outbound");
            event(theirs, "x", "10:00", "OutForDelivery", otherKey);
            assertEquals(List.of("shipment.out_for_delivery pending"), summary(theirs), "the other store keeps its defaults");
        } finally {
            dsl.deleteFrom(app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS).execute();
        }
    }

    private static List<String> channels(long shipment) {
        return notices(shipment).stream().map(n -> n.getTemplate() + " " + n.getChannel() + " " + n.getStatus()).toList();
    }

    @Test
    void texts_start_off_and_a_store_that_switches_on_sms_for_out_for_delivery_texts_the_orders_phone() throws Exception {
        long before = parcel(store, "ada@example.com", "+49 151 23456789", "outbound");
        event(before, "a", "10:00", "OutForDelivery");
        assertEquals(List.of("shipment.out_for_delivery email pending"), channels(before), "SMS and WhatsApp are off by default");

        dsl.transaction(cfg -> NotificationTriggers.save(org.jooq.impl.DSL.using(cfg), store, List.of("sms"),
                Set.of(new NotificationTriggers.Switch("shipment.out_for_delivery", "sms")), OffsetDateTime.now(CLOCK)));
        try {
            long shipment = parcel(store, "ada@example.com", "+49 151 23456789", "outbound");
            event(shipment, "a", "10:00", "OutForDelivery");
            assertEquals(List.of("shipment.out_for_delivery email pending", "shipment.out_for_delivery sms pending"), channels(shipment));
            NotificationOutboxRecord sms = notices(shipment).get(1);
            assertEquals("+49 151 23456789", sms.getRecipient(), "the order's phone, read in its country when sent");
            assertEquals("shipment:" + shipment + ":out_for_delivery:sms", sms.getDedupeKey());
            assertEquals(store, sms.getMerchantId());

            event(shipment, "a", "10:00", "OutForDelivery");
            assertEquals(2, notices(shipment).size(), "a replay texts nobody twice");
            event(shipment, "b", "15:00", "Delivered");
            assertEquals(List.of("shipment.out_for_delivery email skipped", "shipment.out_for_delivery sms skipped",
                    "shipment.delivered email pending"), channels(shipment), "a waiting text is stale too; 'delivered' by SMS is off");

            long noPhone = parcel(store, "bo@example.com", null, "outbound");
            event(noPhone, "a", "10:00", "OutForDelivery");
            long blankPhone = parcel(store, "cy@example.com", "  ", "outbound");
            event(blankPhone, "a", "10:00", "OutForDelivery");
            assertEquals(List.of("shipment.out_for_delivery email pending"), channels(noPhone), "no phone, no text");
            assertEquals(List.of("shipment.out_for_delivery email pending"), channels(blankPhone));

            long theirs = parcel(other, "di@example.com", "+49 151 23456789", "outbound");
            event(theirs, "a", "10:00", "OutForDelivery", otherKey);
            assertEquals(List.of("shipment.out_for_delivery email pending"), channels(theirs), "another store's texts stay off");
        } finally {
            dsl.deleteFrom(app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS).execute();
        }
    }

    @Test
    void whatsapp_switched_on_writes_its_own_message_and_the_email_switched_off_writes_none() throws Exception {
        dsl.transaction(cfg -> NotificationTriggers.save(org.jooq.impl.DSL.using(cfg), store, List.of("email", "sms", "whatsapp"),
                Set.of(new NotificationTriggers.Switch("shipment.delivered", "whatsapp")), OffsetDateTime.now(CLOCK)));
        try {
            long shipment = parcel(store, "eve@example.com", "+33 6 12 34 56 78", "outbound");
            event(shipment, "a", "10:00", "OutForDelivery");
            event(shipment, "b", "14:00", "Delivered");
            assertEquals(List.of("shipment.delivered whatsapp pending"), channels(shipment));
            assertEquals("shipment:" + shipment + ":delivered:whatsapp", notices(shipment).get(0).getDedupeKey());
        } finally {
            dsl.deleteFrom(app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS).execute();
        }
    }

    @Test
    void in_transit_updates_are_off_until_the_store_turns_them_on() throws Exception {
        long shipment = parcel("li@example.com");
        event(shipment, "a", "08:00", "InTransit");
        String body = "{\"events\":[{\"event_id\":\"b\",\"occurred_at\":\"2026-12-07T10:00:00Z\",\"status\":\"InTransit\","
                + "\"substatus\":\"InTransit_ArrivedAtFacility\"}]}";
        HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of("shipment.shipped pending"), summary(shipment), "a change of facility sends no update by default");
    }

    @Test
    void return_parcels_and_orders_without_an_address_get_no_shipment_email() throws Exception {
        long noAddress = parcel(null);
        event(noAddress, "a", "12:00", "OutForDelivery");
        assertEquals(List.of(), summary(noAddress));
        long comingBack = parcel(store, "zoe@example.com", "return");
        event(comingBack, "a", "12:00", "OutForDelivery");
        assertTrue(notices(comingBack).stream().noneMatch(n -> n.getTemplate().startsWith("shipment.")), summary(comingBack).toString());
    }

    @Test
    void an_imported_parcel_delivered_last_week_tells_nobody_but_still_skips_what_waits() throws Exception {
        long shipment = parcel("old@example.com");
        event(shipment, "a", "09:00", "OutForDelivery");
        String body = "{\"events\":[{\"event_id\":\"old\",\"occurred_at\":\"2026-11-30T15:00:00Z\",\"status\":\"Delivered\"}]}";
        HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Delivered", dsl.select(SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment)).fetchSingle(SHIPMENTS.STATUS));
        assertEquals(List.of("shipment.out_for_delivery skipped"), summary(shipment),
                "a delivery a week ago is history: no email, and the out-for-delivery one is stale");
    }

    @Test
    void a_fresh_demo_store_and_its_first_expiry_sweep_queue_no_shipment_emails() {
        try (app.landfall.db.Database db = app.landfall.db.Database.start(TestDatabase.config())) {
            assertTrue(DemoData.seedIfEmpty(db.dsl(), CLOCK));
            EventIngestion ingestion = new EventIngestion(db.dsl(), CLOCK, Duration.ofDays(30), EventIngestion.ReturnParcelListener.NONE,
                    new ShipmentNotices(new Outbox()));
            new ExpirySweep(db.dsl(), ingestion, CLOCK, Duration.ofDays(30)).run();
            int emails = db.dsl().fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.TEMPLATE.startsWith("shipment."));
            assertEquals(0, emails, "the demo's history is in the past: nobody is told about it");
        }
    }
}
