package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.RETURNS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Emails leave through a real SMTP server (GreenMail): MIME parts, headers, links, retries, and what happens with no server. */
class EmailDeliveryIT {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+");
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private GreenMail smtp;
    private Landfall landfall;

    @AfterEach
    void stop() {
        if (landfall != null) {
            landfall.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void start(Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "Landfall <notices@mail.example>"));
        env.putAll(settings);
        landfall = Landfall.start(TestDatabase.config(env), clock);
    }

    private void startSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private long storeWithOwner(String email) {
        DSLContext dsl = landfall.database().dsl();
        long merchant = TestMerchants.create(dsl, "harbour");
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, "Ada").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash("correct horse battery"))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
        return merchant;
    }

    private void askForReset(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(200, client.submit("/admin/password/forgot", "/admin/password/forgot", Map.of("email", email)).statusCode());
    }

    private NotificationOutboxRecord only(String template) {
        return landfall.database().dsl().selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.TEMPLATE.eq(template)).fetchSingle();
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                assertTrue(part.getContentType().toLowerCase().contains("charset=utf-8"), part.getContentType());
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }

    @Test
    void a_password_reset_link_arrives_as_text_and_html_with_a_stable_message_id_and_the_link_works() throws Exception {
        startSmtp(freePort());
        start(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
        long merchant = storeWithOwner("ada@harbour.example");
        askForReset("ada@harbour.example");
        assertEquals(1, landfall.notifications().sendEmails());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("Reset your password for Harbour", mail.getSubject());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("notices@mail.example", from.getAddress());
        assertEquals("Harbour", from.getPersonal(), "the store's name is the sender's name");
        assertEquals("ada@harbour.example", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("en", mail.getHeader("Content-Language")[0]);
        NotificationOutboxRecord row = only("admin.password_reset");
        assertEquals("<notice." + merchant + "." + row.getId() + "@mail.example>", mail.getMessageID());

        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        String link = link(text);
        assertTrue(link.startsWith(landfall.baseUrl() + "/admin/password/reset/"), link);
        assertTrue(html.contains("href=\"" + link + "\""), "the HTML part's button goes to the same link");
        assertTrue(html.contains("<html lang=\"en\""), "the HTML says its language");
        assertTrue(!html.contains("<script") && !html.contains("<link "), "no script, no external stylesheet");
        assertEquals(200, new AdminClient(landfall.baseUrl()).get(link.substring(landfall.baseUrl().length())).statusCode());

        assertEquals("sent", row.getStatus());
        assertEquals(mail.getMessageID(), row.getMessageId());
        assertEquals("Reset your password for Harbour", row.getSubject());
        assertEquals(text.replace("\r\n", "\n"), row.getBodyText().replace("\r\n", "\n"), "the log keeps what was sent");
        assertEquals(0, landfall.notifications().sendEmails(), "nothing is sent twice");
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void without_a_mail_server_each_email_is_rendered_and_kept_as_unsent_saying_why() {
        start(Map.of());
        storeWithOwner("ada@harbour.example");
        askForReset("ada@harbour.example");
        assertEquals(1, landfall.notifications().sendEmails());
        NotificationOutboxRecord row = only("admin.password_reset");
        assertEquals("unsent", row.getStatus(), "nothing pretends to have been sent");
        assertNull(row.getSentAt());
        assertEquals(EmailDelivery.NO_SERVER, row.getLastError());
        assertTrue(row.getBodyHtml().contains("/admin/password/reset/"), "the message as it would have gone out is kept");
    }

    @Test
    void a_mail_server_that_is_down_is_tried_again_after_a_growing_pause_and_the_email_then_arrives() throws Exception {
        int port = freePort();
        start(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port));
        storeWithOwner("ada@harbour.example");
        askForReset("ada@harbour.example");
        assertEquals(1, landfall.notifications().sendEmails());
        NotificationOutboxRecord first = only("admin.password_reset");
        assertEquals("pending", first.getStatus());
        assertEquals(1, first.getAttempts());
        assertTrue(first.getLastError().startsWith("The mail server could not be reached"), first.getLastError());
        Duration pause = Duration.between(clock.instant(), first.getNextAttemptAt().toInstant());
        assertTrue(pause.compareTo(Duration.ofSeconds(47)) >= 0 && pause.compareTo(Duration.ofSeconds(73)) <= 0, "about a minute: " + pause);

        startSmtp(port);
        assertEquals(0, landfall.notifications().sendEmails(), "not before its pause is over");
        clock.advance(Duration.ofSeconds(75));
        assertEquals(1, landfall.notifications().sendEmails());
        assertEquals(1, smtp.getReceivedMessages().length);
        NotificationOutboxRecord sent = only("admin.password_reset");
        assertEquals("sent", sent.getStatus());
        assertEquals(2, sent.getAttempts());
        assertNull(sent.getLastError());
    }

    @Test
    void an_address_that_cannot_be_is_failed_at_once_and_never_retried() throws Exception {
        startSmtp(freePort());
        start(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
        long merchant = storeWithOwner("ada@harbour.example");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        landfall.database().dsl().transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg),
                Notice.staffEmail(merchant, "admin.password_reset", "ada@harbour.example\r\nBcc: everyone@example.com",
                        Map.of("link", "https://landfall.example/admin/password/reset/x"), "test:header-injection"), now));
        assertEquals(1, landfall.notifications().sendEmails());
        NotificationOutboxRecord row = only("admin.password_reset");
        assertEquals("failed", row.getStatus());
        assertTrue(row.getLastError().contains("is not an email address"), row.getLastError());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, landfall.notifications().sendEmails());
        assertEquals(0, smtp.getReceivedMessages().length, "nothing reached the server, nobody was copied in");
    }

    @Test
    void a_shopper_hears_that_their_return_is_approved_with_the_link_to_its_page() throws Exception {
        startSmtp(freePort());
        start(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), "LANDFALL_DEMO", "true"));
        DSLContext dsl = landfall.database().dsl();
        var approved = dsl.select(RETURNS.MERCHANT_ID, RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN).from(RETURNS)
                .where(RETURNS.STATUS.eq("approved")).limit(1).fetchSingle();
        dsl.deleteFrom(NOTIFICATION_OUTBOX).execute();
        TestMerchants.withoutQuietHours(dsl); // the demo's customers live in many time zones; QuietHoursIT covers when
        dsl.transaction(cfg -> landfall.notifications().outbox().announceReturn(DSL.using(cfg), approved.value1(), approved.value2(),
                approved.value3(), "approved", "shopper@example.com", OffsetDateTime.now(clock)));
        assertEquals(1, landfall.notifications().sendEmails());
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("Your return " + approved.value3() + " is approved", mail.getSubject());
        assertEquals("Alder & Ash Outfitters", ((InternetAddress) mail.getFrom()[0]).getPersonal());
        String link = app.landfall.testing.ClickLinks.in(part(mail, "text/plain"));
        assertEquals(landfall.baseUrl() + "/r/" + approved.value4(), app.landfall.testing.ClickLinks.follow(link),
                "the button counts the click, then opens the return's page");
        assertEquals(200, new AdminClient(landfall.baseUrl()).get("/r/" + approved.value4()).statusCode());
        assertTrue(part(mail, "text/html").contains("Alder &amp; Ash Outfitters"), "the store's name, escaped, heads the HTML");
    }

    @Test
    void a_backlog_is_shared_by_several_senders_that_keep_their_connections_open_and_each_email_goes_out_once() throws Exception {
        startSmtp(freePort());
        try (CountingProxy proxy = new CountingProxy(smtp.getSmtp().getPort())) {
            start(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + proxy.port()));
            long merchant = storeWithOwner("ada@harbour.example");
            DSLContext dsl = landfall.database().dsl();
            int backlog = 430;
            for (int i = 0; i < backlog; i++) {
                landfall.notifications().outbox().add(dsl, Notice.staffEmail(merchant, "admin.password_reset", "ada" + i + "@harbour.example",
                        Map.of("link", "https://landfall.example/admin/password/reset/" + i), "reset:" + i), OffsetDateTime.now(clock));
            }

            assertEquals(backlog, landfall.notifications().sendEmails());

            MimeMessage[] received = smtp.getReceivedMessages();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (MimeMessage m : received) {
                ids.add(m.getMessageID());
            }
            assertEquals(backlog, received.length, "every email once");
            assertEquals(backlog, ids.size(), "no email twice");
            assertEquals(backlog, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.STATUS.eq("sent")));
            // each sender reconnects after 100 messages: 430 over 4 senders is at most 2 connections each, 8 in all
            assertTrue(proxy.connections() <= 2 * EmailDelivery.SENDERS, proxy.connections() + " connections for " + backlog + " emails");
            assertTrue(proxy.connections() > 1, "the backlog was shared: " + proxy.connections() + " connection(s)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
