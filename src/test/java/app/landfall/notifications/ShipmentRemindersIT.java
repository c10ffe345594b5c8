package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
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
 * The messages no status change raises, from their background jobs to a real SMTP server: the
 * pickup reminder the day before the deadline, once; the review request the store's days after
 * delivery, once, with a one-click unsubscribe, and never when the store turned it off.
 */
class ShipmentRemindersIT {
    /** Midday in the stores' zone (UTC): no quiet hours in the way. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final TestClock CLOCK = new TestClock(MONDAY_NOON);
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

    private static long store() {
        return TestMerchants.create(dsl, "reminders-" + MADE.incrementAndGet());
    }

    private static long parcel(long store, String email, String phone, String status) {
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, store).set(ORDERS.ORDER_NUMBER, "#R" + MADE.incrementAndGet())
                .set(ORDERS.CUSTOMER_EMAIL, email).set(ORDERS.CUSTOMER_PHONE, phone)
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-11-20T10:00:00Z"))
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, "outbound").set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.STATUS, status)
                .set(SHIPMENTS.TRACKING_NUMBER, "1ZR" + String.format("%015d", MADE.incrementAndGet()))
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
    }

    private static long waitingForPickup(long store, String email, LocalDate deadline) {
        long shipment = parcel(store, email, "+49 151 23456789", "AvailableForPickup");
        dsl.update(SHIPMENTS).set(SHIPMENTS.PICKUP_DEADLINE, deadline).set(SHIPMENTS.PICKUP_LOCATION, "Packstation 112")
                .where(SHIPMENTS.ID.eq(shipment)).execute();
        return shipment;
    }

    private static long delivered(long store, String email, Instant at) {
        long shipment = parcel(store, email, null, "Delivered");
        dsl.update(SHIPMENTS).set(SHIPMENTS.DELIVERED_AT, at.atOffset(java.time.ZoneOffset.UTC)).where(SHIPMENTS.ID.eq(shipment)).execute();
        return shipment;
    }

    private static List<String> summary(long shipment) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipment)).orderBy(NOTIFICATION_OUTBOX.ID)
                .fetch(n -> n.getTemplate() + " " + n.getChannel() + " " + n.getStatus());
    }

    private static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    /** The plain-text part, decoded. */
    private static String text(MimeMessage mail) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    @Test
    void the_pickup_reminder_goes_the_day_before_the_deadline_once_on_each_channel_the_store_has_on() throws Exception {
        CLOCK.set(MONDAY_NOON);
        long store = store();
        dsl.transaction(cfg -> NotificationTriggers.save(DSL.using(cfg), store, List.of("email", "sms"), Set.of(
                new NotificationTriggers.Switch("shipment.pickup_reminder", "email"),
                new NotificationTriggers.Switch("shipment.pickup_reminder", "sms")), OffsetDateTime.now(CLOCK)));
        long wednesday = waitingForPickup(store, "pickup@example.com", LocalDate.parse("2026-12-09"));
        long collected = parcel(store, "collected@example.com", null, "Delivered");
        dsl.update(SHIPMENTS).set(SHIPMENTS.PICKUP_DEADLINE, LocalDate.parse("2026-12-08")).where(SHIPMENTS.ID.eq(collected)).execute();

        landfall.notifications().remindPickups();
        assertEquals(List.of(), summary(wednesday), "Monday: two days before, too early");

        CLOCK.set(MONDAY_NOON.plusSeconds(86_400));
        landfall.notifications().remindPickups();
        landfall.notifications().remindPickups(); // a second run, or another process: nothing more
        assertEquals(List.of("shipment.pickup_reminder email pending", "shipment.pickup_reminder sms pending"), summary(wednesday));
        assertEquals(List.of(), summary(collected), "a collected parcel needs no reminder");
        assertEquals("shipment:" + wednesday + ":pickup_reminder:email", dsl.select(NOTIFICATION_OUTBOX.DEDUPE_KEY)
                .from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(wednesday)).orderBy(NOTIFICATION_OUTBOX.ID).limit(1)
                .fetchSingle(NOTIFICATION_OUTBOX.DEDUPE_KEY));

        CLOCK.set(MONDAY_NOON.plusSeconds(2 * 86_400));
        landfall.notifications().remindPickups();
        assertEquals(2, summary(wednesday).size(), "once per parcel, also on the deadline day");

        landfall.notifications().sendEmails();
        List<MimeMessage> mails = to("pickup@example.com");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("Reminder: your order #R"), mails.get(0).getSubject());
        String body = text(mails.get(0));
        assertTrue(body.contains("A reminder: if your order #R") && body.contains(" is not collected by Wednesday, December 9, the carrier"
                + " sends it back to"), body);
        assertTrue(body.contains("Packstation 112"), "where it waits: " + body);
    }

    @Test
    void the_pickup_reminder_is_urgent_and_goes_out_at_night() throws Exception {
        CLOCK.set(Instant.parse("2026-12-08T23:00:00Z"));
        long store = store();
        long shipment = waitingForPickup(store, "night-pickup@example.com", LocalDate.parse("2026-12-09"));
        landfall.notifications().remindPickups();
        landfall.notifications().sendEmails();
        assertEquals(List.of("shipment.pickup_reminder email sent"), summary(shipment));
    }

    @Test
    void the_review_request_goes_seven_days_after_delivery_once_with_a_one_click_unsubscribe() throws Exception {
        CLOCK.set(MONDAY_NOON);
        long store = store();
        long shipment = delivered(store, "review@example.com", MONDAY_NOON.minusSeconds(6 * 86_400));
        long old = delivered(store, "old@example.com", MONDAY_NOON.minusSeconds(30 * 86_400));
        landfall.notifications().requestReviews();
        assertEquals(List.of(), summary(shipment), "six days after delivery: not yet");

        CLOCK.set(MONDAY_NOON.plusSeconds(86_400));
        landfall.notifications().requestReviews();
        landfall.notifications().requestReviews();
        assertEquals(List.of("shipment.review_request email pending"), summary(shipment));
        assertEquals(List.of(), summary(old), "a delivery weeks ago is history: no request out of the blue");

        landfall.notifications().sendEmails();
        MimeMessage mail = to("review@example.com").get(0);
        assertTrue(mail.getSubject().startsWith("How was your order #R"), mail.getSubject());
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.matches("<https?://[^>]+/u/[^>]+>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(text(mail).contains("We hope you like it!"), text(mail));
        assertTrue(app.landfall.testing.ClickLinks.follow(app.landfall.testing.ClickLinks.in(text(mail))).contains("/t/"),
                "links to the parcel's tracking page");
    }

    @Test
    void a_store_that_turned_review_requests_off_sends_none_and_another_stores_days_are_its_own() throws Exception {
        CLOCK.set(MONDAY_NOON);
        long off = store();
        dsl.transaction(cfg -> NotificationTiming.save(DSL.using(cfg), off, new NotificationTiming.Timing(QuietHours.DEFAULT,
                NotificationTiming.URGENT, null), OffsetDateTime.now(CLOCK)));
        long sameDay = store();
        dsl.transaction(cfg -> NotificationTiming.save(DSL.using(cfg), sameDay, new NotificationTiming.Timing(QuietHours.DEFAULT,
                NotificationTiming.URGENT, 0), OffsetDateTime.now(CLOCK)));
        long none = delivered(off, "off@example.com", MONDAY_NOON.minusSeconds(8 * 86_400));
        long today = delivered(sameDay, "today@example.com", MONDAY_NOON.minusSeconds(3600));
        long defaults = delivered(store(), "defaults@example.com", MONDAY_NOON.minusSeconds(3600));

        landfall.notifications().requestReviews();
        assertEquals(List.of(), summary(none), "turned off");
        assertEquals(List.of("shipment.review_request email pending"), summary(today), "0 days: the day of delivery");
        assertEquals(List.of(), summary(defaults), "7 days by default");
        assertNotNull(dsl.selectFrom(MERCHANTS).where(MERCHANTS.ID.eq(off)).fetchOne());
    }
}
