package app.landfall.returns;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnSubmissions.Line;
import app.landfall.returns.ReturnSubmissions.Submission;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A return's messages to its shopper through a real SMTP server: "needs review" for a return the
 * rules leave to a person, "expiring soon" (once) for an approved one not sent, and the store's
 * switches per moment and channel, each store's its own. The orders ship to Oregon: the clock
 * stands at midday there, out of the quiet hours.
 */
class ReturnNoticesIT {
    /** 12:00 in Oregon (America/Los_Angeles). */
    private static final Instant T0 = Instant.parse("2026-03-02T20:00:00Z");
    private static final TestClock CLOCK = new TestClock(T0);
    private static final AtomicInteger MADE = new AtomicInteger();
    private static GreenMail smtp;
    private static Landfall landfall;
    private static DSLContext dsl;
    private static ReturnSubmissions submissions;
    private static ReturnExpiry expiry;

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
        submissions = new ReturnSubmissions(dsl, CLOCK, new RmaNumbers(), 4);
        expiry = new ReturnExpiry(dsl, CLOCK, landfall.notifications().outbox());
    }

    @AfterAll
    static void stop() {
        landfall.close();
        smtp.stop();
    }

    private static long store() {
        long store = TestMerchants.create(dsl, "returns-" + MADE.incrementAndGet());
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, store).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.SHIP_WITHIN_DAYS, 10)
                .set(RETURN_POLICIES.METHODS, new String[] {"qr_dropoff", "printable_label", "in_store"}).execute();
        return store;
    }

    private record Submitted(long id, String email) {
    }

    /** A return of one unit submitted now; a reason that needs a review leaves it to a person. */
    private static Submitted submit(long store, boolean review) {
        String code = review ? "inspect" : "too_small";
        Long reason = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS)
                .where(RETURN_REASONS.MERCHANT_ID.eq(store)).and(RETURN_REASONS.CODE.eq(code)).fetchOne(RETURN_REASONS.ID);
        if (reason == null) {
            reason = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, store).set(RETURN_REASONS.CODE, code)
                    .set(RETURN_REASONS.LABEL, code).set(RETURN_REASONS.REQUIRES_REVIEW, review)
                    .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
        }
        var order = TestOrders.delivered(dsl, store, "RN-" + MADE.incrementAndGet(), CLOCK.instant().atOffset(ZoneOffset.UTC));
        dsl.update(ORDERS).set(ORDERS.CUSTOMER_PHONE, "+1 503 555 0100").where(ORDERS.ID.eq(order.orderId())).execute();
        var created = submissions.submit(store, order.orderId(), new Submission(Tokens.newToken().substring(0, 24),
                List.of(new Line(order.itemId(), 1, reason, null, List.of(), null)), Resolution.REFUND, Method.QR_DROPOFF, null))
                .orElseThrow().created();
        assertEquals(review ? ReturnStatus.REQUESTED : ReturnStatus.APPROVED, created.status());
        String email = dsl.select(ORDERS.CUSTOMER_EMAIL).from(ORDERS).where(ORDERS.ID.eq(order.orderId())).fetchSingle(ORDERS.CUSTOMER_EMAIL);
        return new Submitted(created.id(), email);
    }

    /** The return's messages, sorted (one statement writes several in no set order). */
    private static List<String> summary(long returnId) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.RETURN_ID.eq(returnId))
                .fetch(n -> n.getTemplate() + " " + n.getChannel()).stream().sorted().toList();
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

    private static String text(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static void turn(long store, String trigger, String channel, boolean on) {
        dsl.insertInto(NOTIFICATION_TRIGGERS).set(NOTIFICATION_TRIGGERS.MERCHANT_ID, store).set(NOTIFICATION_TRIGGERS.TRIGGER, trigger)
                .set(NOTIFICATION_TRIGGERS.CHANNEL, channel).set(NOTIFICATION_TRIGGERS.ENABLED, on).execute();
    }

    @Test
    void a_return_left_for_review_tells_the_shopper_it_needs_review_and_the_merchants_systems_it_was_requested() throws Exception {
        CLOCK.set(T0);
        Submitted r = submit(store(), true);
        assertEquals(List.of("return.needs_review email", "return.requested webhook"), summary(r.id()),
                "texts are off until the store turns them on");
        landfall.notifications().sendEmails();
        MimeMessage mail = to(r.email()).get(0);
        assertTrue(mail.getSubject().startsWith("Your return request ") && mail.getSubject().endsWith(" is being reviewed"),
                mail.getSubject());
        assertTrue(text(mail).contains("A person at the store checks it before anything is sent"), text(mail));
    }

    @Test
    void an_approved_return_not_sent_is_reminded_two_days_before_it_expires_once() throws Exception {
        CLOCK.set(T0);
        long store = store();
        Submitted r = submit(store, false);
        Submitted other = submit(store(), false);
        CLOCK.set(T0.plus(Duration.ofDays(7)));
        expiry.remind();
        assertEquals(List.of("return.approved email", "return.approved webhook"), summary(r.id()), "three days before: not yet");

        CLOCK.set(T0.plus(Duration.ofDays(8)).plusSeconds(60));
        expiry.remind();
        expiry.remind();
        assertEquals(List.of("return.approved email", "return.approved webhook", "return.expiring_soon email"), summary(r.id()),
                "once, and no event for the merchant's systems: nothing happened to the return");

        landfall.notifications().sendEmails();
        List<MimeMessage> mails = to(r.email());
        MimeMessage reminder = mails.get(mails.size() - 1);
        assertTrue(reminder.getSubject().startsWith("Reminder: your return "), reminder.getSubject());
        assertTrue(text(reminder).contains("Please send it by March 12, 2026"), text(reminder));
        assertTrue(summary(other.id()).contains("return.expiring_soon email"), "each store's returns are reminded");

        CLOCK.set(T0.plus(Duration.ofDays(11)));
        expiry.run();
        expiry.remind();
        assertEquals(1, summary(r.id()).stream().filter(s -> s.startsWith("return.expiring_soon")).count());
    }

    @Test
    void a_store_switches_return_moments_per_channel_and_another_stores_switches_are_its_own() throws Exception {
        CLOCK.set(T0);
        long quiet = store();
        turn(quiet, "return.approved", "email", false);
        turn(quiet, "return.approved", "sms", true);
        Submitted texted = submit(quiet, false);
        Submitted defaults = submit(store(), false);
        assertEquals(List.of("return.approved sms", "return.approved webhook"), summary(texted.id()));
        assertEquals(List.of("return.approved email", "return.approved webhook"), summary(defaults.id()));

        // the same switches for a status change after the submit (ReturnActions through Outbox.announceReturn)
        turn(quiet, "return.cancelled", "email", false);
        dsl.transaction(cfg -> landfall.notifications().outbox().announceReturn(org.jooq.impl.DSL.using(cfg), quiet, texted.id(), "RMA",
                "cancelled", texted.email(), CLOCK.instant().atOffset(ZoneOffset.UTC)));
        assertEquals(List.of("return.approved sms", "return.approved webhook", "return.cancelled webhook"), summary(texted.id()));
    }
}
