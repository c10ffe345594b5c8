package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.AdminClient;
import app.landfall.testing.ClickLinks;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /m/{code}: the link in a message counts each click, then opens the page; only codes made here lead anywhere. */
class MessageClicksIT {
    private static final String PASSWORD = "correct horse battery";
    private final TestClock clock = new TestClock("2026-12-07T09:00:00Z");
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

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private NotificationOutboxRecord row(long shipment) {
        return landfall.database().dsl().selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipment))
                .and(NOTIFICATION_OUTBOX.CHANNEL.eq("email")).fetchSingle();
    }

    @Test
    void each_click_on_the_emails_button_is_counted_once_and_lands_on_the_tracking_page_and_forged_links_count_nothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "notices@mail.example", "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port)), clock);
        DSLContext dsl = landfall.database().dsl();
        Parcels harbour = new Parcels(landfall, "harbour", "en");
        Parcels quay = new Parcels(landfall, "quay", "en");
        Parcels.Parcel parcel = harbour.order("{\"order_number\":\"H-1\",\"customer\":{\"email\":\"ada@example.com\"}}");
        Parcels.Parcel theirs = quay.order("{\"order_number\":\"Q-1\",\"customer\":{\"email\":\"bo@example.com\"}}");
        harbour.status(parcel, "OutForDelivery", "2026-12-07T08:40:00Z");
        quay.status(theirs, "OutForDelivery", "2026-12-07T08:41:00Z");
        assertEquals(2, landfall.notifications().sendEmails());
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals("ada@example.com"); } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        String link = ClickLinks.in(text);
        assertTrue(html.contains("href=\"" + link + "\""), "the button is the same counting link");
        assertFalse(text.contains("/t/" + parcel.token()), "no raw tracking link to bypass the count");
        assertTrue(text.contains(landfall.baseUrl() + "/u/"), "the preferences link is not wrapped");
        assertEquals(1, ClickLinks.LINK.matcher(text).results().count(), "one counting link: the button");
        assertTrue(landfall.baseUrl().length() + 20 > link.length(), "short enough for a text: " + link);

        assertEquals(0, row(parcel.shipmentId()).getClicks());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(landfall.baseUrl() + "/t/" + parcel.token(), ClickLinks.follow(link));
        var response = ClickLinks.get(link);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "no cookie");
        NotificationOutboxRecord counted = row(parcel.shipmentId());
        assertEquals(2, counted.getClicks(), "once per click");
        assertEquals(OffsetDateTime.parse("2026-12-07T09:03:00Z").toInstant(), counted.getFirstClickedAt().toInstant());
        assertEquals(200, ClickLinks.get(landfall.baseUrl() + "/t/" + parcel.token()).statusCode(), "it lands on the tracking page");

        String code = link.substring(link.lastIndexOf('/') + 1);
        String id = code.substring(0, code.indexOf('-'));
        String mac = code.substring(code.indexOf('-') + 1);
        char last = mac.charAt(mac.length() - 1);
        String tampered = landfall.baseUrl() + "/m/" + id + "-" + mac.substring(0, mac.length() - 1) + (last == 'A' ? 'B' : 'A');
        long theirsId = row(theirs.shipmentId()).getId();
        String forged = landfall.baseUrl() + "/m/" + Long.toString(theirsId, 36) + "-" + mac;
        for (String bad : new String[] {tampered, forged, landfall.baseUrl() + "/m/" + id + "-" + mac.toUpperCase(),
                landfall.baseUrl() + "/m/0" + id + "-" + mac, landfall.baseUrl() + "/m/" + id, landfall.baseUrl() + "/m/x"}) {
            if (bad.equals(link)) {
                continue; // a code without letters to change case
            }
            var refused = ClickLinks.get(bad);
            assertEquals(404, refused.statusCode(), bad);
            assertTrue(refused.headers().firstValue("Location").isEmpty(), "not redirected anywhere: " + bad);
        }
        assertEquals(2, row(parcel.shipmentId()).getClicks(), "a tampered link counts nothing");
        assertEquals(0, row(theirs.shipmentId()).getClicks(), "another store's message cannot be named without its code");
        assertNull(row(theirs.shipmentId()).getFirstClickedAt());

        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, harbour.store).set(MERCHANT_USERS.EMAIL, "support@harbour.example")
                .set(MERCHANT_USERS.NAME, "Sam").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "support").execute();
        AdminClient admin = new AdminClient(landfall.baseUrl());
        assertEquals(303, admin.signIn("support@harbour.example", PASSWORD).statusCode());
        String screen = admin.get("/admin/messages/" + counted.getId()).body();
        assertTrue(screen.contains("<dt>Link clicks</dt>"), screen);
        assertTrue(screen.contains("2 clicks, first "), screen);
        assertNotNull(counted.getLastClickedAt());
    }
}
