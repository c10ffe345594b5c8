package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours through the real ingestion, the real sender and a real SMTP server (GreenMail): a
 * message that would reach its customer at night waits, in the customer's own time zone, until the
 * window ends, and only news still true then goes out. Each test has its own store and addresses,
 * so the clock moving for one does not disturb another.
 */
class QuietHoursIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 22:00 in Berlin, 16:00 in New York. */
    private static final Instant NIGHT_IN_BERLIN = Instant.parse("2026-12-07T21:00:00Z");
    private static final Instant MORNING_IN_BERLIN = Instant.parse("2026-12-08T07:00:00Z");
    private static final TestClock CLOCK = new TestClock(NIGHT_IN_BERLIN);
    private static final AtomicInteger MADE = new AtomicInteger();
    private static GreenMail smtp;
    private static Landfall landfall;
    private static DSLContext dsl;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "Landfall <notices@mail.example>", "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port)), CLOCK);
        dsl = landfall.database().dsl();
    }

    @AfterAll
    static void stop() {
        landfall.close();
        smtp.stop();
    }

    private record Store(long id, String apiKey) {
    }

    private static Store store(String timezone) {
        long id = TestMerchants.create(dsl, "quiet-" + MADE.incrementAndGet());
        dsl.update(MERCHANTS).set(MERCHANTS.TIMEZONE, timezone).where(MERCHANTS.ID.eq(id)).execute();
        return new Store(id, new ApiKeys(dsl).create(id, "test"));
    }

    /** A parcel of an order shipped to {@code country} (null: unknown) for {@code email}. */
    private static long parcel(Store store, String email, String country) {
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, store.id()).set(ORDERS.ORDER_NUMBER, "#Q" + MADE.incrementAndGet())
                .set(ORDERS.CUSTOMER_EMAIL, email).set(ORDERS.SHIPPING_COUNTRY, country)
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-05T10:00:00Z"))
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store.id()).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, "outbound").set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1ZQ" + String.format("%015d", MADE.incrementAndGet()))
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
    }

    /** A carrier event through the events API, happening now. */
    private static void event(Store store, long shipment, String id, String status) throws Exception {
        String body = "{\"events\":[{\"event_id\":\"" + id + "\",\"occurred_at\":\"" + CLOCK.instant() + "\",\"status\":\"" + status + "\"}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + store.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
    }

    private static List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                subjects.add(m.getSubject());
            }
        }
        return subjects;
    }

    private static List<NotificationOutboxRecord> notices(long shipment) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipment)).orderBy(NOTIFICATION_OUTBOX.ID).fetch();
    }

    private static List<String> summary(long shipment) {
        return notices(shipment).stream().map(n -> n.getTemplate() + " " + n.getStatus()).toList();
    }

    @Test
    void a_delivery_email_due_at_22_in_berlin_is_held_and_goes_out_at_08_berlin_time() throws Exception {
        CLOCK.set(NIGHT_IN_BERLIN);
        Store store = store("America/New_York"); // the store's evening is not the customer's
        long shipment = parcel(store, "held@berlin.example", "DE");
        event(store, shipment, "d", "Delivered");
        landfall.notifications().sendEmails();

        NotificationOutboxRecord held = notices(shipment).get(0);
        assertEquals("held", held.getStatus());
        assertEquals(MORNING_IN_BERLIN, held.getNextAttemptAt().toInstant(), "08:00 in Berlin");
        assertEquals("Held for quiet hours: goes out at 08:00 in the recipient's time zone (Europe/Berlin).", held.getLastError());
        assertEquals(0, held.getAttempts(), "holding is not a try");
        assertEquals(List.of(), subjectsTo("held@berlin.example"));

        CLOCK.set(MORNING_IN_BERLIN.minusSeconds(1));
        landfall.notifications().sendEmails();
        assertEquals(List.of(), subjectsTo("held@berlin.example"), "07:59:59 is still quiet");

        CLOCK.set(MORNING_IN_BERLIN);
        landfall.notifications().sendEmails();
        assertEquals(1, subjectsTo("held@berlin.example").size());
        assertEquals(List.of("shipment.delivered sent"), summary(shipment));
    }

    @Test
    void out_for_delivery_is_urgent_and_goes_out_at_once_even_at_night() throws Exception {
        CLOCK.set(NIGHT_IN_BERLIN);
        Store store = store("Europe/Berlin");
        long shipment = parcel(store, "urgent@berlin.example", "DE");
        event(store, shipment, "o", "OutForDelivery");
        landfall.notifications().sendEmails();
        assertEquals(List.of("shipment.out_for_delivery sent"), summary(shipment));
        assertEquals(1, subjectsTo("urgent@berlin.example").size());
    }

    @Test
    void a_held_out_for_delivery_is_replaced_by_delivered_and_only_delivered_goes_out_in_the_morning() throws Exception {
        CLOCK.set(NIGHT_IN_BERLIN);
        Store store = store("Europe/Berlin");
        // this store holds every moment, urgent ones too
        dsl.transaction(cfg -> NotificationTiming.save(DSL.using(cfg), store.id(), new NotificationTiming.Timing(QuietHours.DEFAULT,
                Set.of(), 7), OffsetDateTime.now(CLOCK)));
        long shipment = parcel(store, "replaced@berlin.example", "DE");
        event(store, shipment, "o", "OutForDelivery");
        landfall.notifications().sendEmails();
        assertEquals(List.of("shipment.out_for_delivery held"), summary(shipment));

        CLOCK.set(NIGHT_IN_BERLIN.plusSeconds(1800));
        event(store, shipment, "d", "Delivered");
        landfall.notifications().sendEmails();
        assertEquals(List.of("shipment.out_for_delivery skipped", "shipment.delivered held"), summary(shipment));
        assertEquals("Skipped: the parcel was already delivered when this would have gone out.", notices(shipment).get(0).getLastError());

        CLOCK.set(MORNING_IN_BERLIN);
        landfall.notifications().sendEmails();
        List<String> subjects = subjectsTo("replaced@berlin.example");
        assertEquals(1, subjects.size(), "one message: the newest news");
        assertTrue(subjects.get(0).contains("delivered"), subjects.get(0));
        assertEquals(List.of("shipment.out_for_delivery skipped", "shipment.delivered sent"), summary(shipment));
    }

    @Test
    void without_a_known_country_the_stores_zone_decides_and_a_store_without_quiet_hours_sends_at_night() throws Exception {
        CLOCK.set(NIGHT_IN_BERLIN);
        Store newYork = store("America/New_York"); // 16:00 there
        long afternoon = parcel(newYork, "afternoon@nowhere.example", null);
        event(newYork, afternoon, "d", "Delivered");

        Store berlin = store("Europe/Berlin");
        dsl.transaction(cfg -> NotificationTiming.save(DSL.using(cfg), berlin.id(), new NotificationTiming.Timing(
                new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0)), NotificationTiming.URGENT, 7), OffsetDateTime.now(CLOCK)));
        long night = parcel(berlin, "night@berlin.example", "DE");
        event(berlin, night, "d", "Delivered");

        Store berlinDefaults = store("Europe/Berlin");
        long quiet = parcel(berlinDefaults, "quiet@nowhere.example", null);
        event(berlinDefaults, quiet, "d", "Delivered");

        landfall.notifications().sendEmails();
        assertEquals(List.of("shipment.delivered sent"), summary(afternoon), "16:00 in the store's New York");
        assertEquals(List.of("shipment.delivered sent"), summary(night), "this store has no quiet hours; another store's are not its own");
        assertEquals(List.of("shipment.delivered held"), summary(quiet), "22:00 in the store's Berlin");
    }

    @Test
    void staff_emails_are_never_held() throws Exception {
        CLOCK.set(NIGHT_IN_BERLIN);
        Store store = store("Europe/Berlin");
        dsl.transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg), Notice.staffEmail(store.id(), "admin.password_reset",
                "owner@berlin.example", Map.of("link", "https://shop.example/admin/password/reset/x"), "reset:" + store.id()),
                OffsetDateTime.now(CLOCK)));
        landfall.notifications().sendEmails();
        assertEquals(1, subjectsTo("owner@berlin.example").size());
    }
}
