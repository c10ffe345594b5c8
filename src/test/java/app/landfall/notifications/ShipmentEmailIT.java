package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Tokens;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An "out for delivery" email through a real SMTP server: in the store's language, saying what the tracking page says. */
class ShipmentEmailIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    @Test
    void an_out_for_delivery_email_arrives_in_the_stores_language_and_its_link_opens_the_same_status_and_date() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "Landfall <notices@mail.example>", "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port)), clock);
        DSLContext dsl = landfall.database().dsl();
        long store = TestMerchants.create(dsl, "hafen");
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, store).set(BRANDS.NAME, "Hafenladen").set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.LANGUAGES, new String[] {"de", "en"}).set(BRANDS.DEFAULT_LANGUAGE, "de").execute();
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, store).set(ORDERS.ORDER_NUMBER, "A-1042")
                .set(ORDERS.CUSTOMER_EMAIL, "jonas@example.de").set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-03T10:00:00Z"))
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        String token = Tokens.newToken();
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.CARRIER, "dhl").set(SHIPMENTS.TRACKING_NUMBER, "00340434161094042557")
                .set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, LocalDate.parse("2026-12-07")).set(SHIPMENTS.PUBLIC_TOKEN, token)
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        String key = new ApiKeys(dsl).create(store, "test");
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(
                        URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"event_id\":\"ofd\",\"occurred_at\":\"2026-12-07T07:40:00Z\","
                        + "\"status\":\"OutForDelivery\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201 / 100, posted.statusCode() / 100, posted.body());

        assertEquals(1, landfall.notifications().sendEmails());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("Ihre Bestellung A-1042 wird heute zugestellt", mail.getSubject());
        assertEquals("jonas@example.de", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("Hafenladen", ((InternetAddress) mail.getFrom()[0]).getPersonal());
        assertEquals("de", mail.getHeader("Content-Language")[0]);
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertTrue(html.contains("<html lang=\"de\""), "the HTML says its language");
        assertTrue(text.contains("In Zustellung"), text);
        assertTrue(text.contains("Ihr Paket ist im Zustellfahrzeug und sollte heute bei Ihnen ankommen."), text);
        assertTrue(text.contains("Voraussichtliche Zustellung:"), text);
        assertTrue(text.contains("00340434161094042557"), text);

        String link = app.landfall.testing.ClickLinks.in(text);
        assertTrue(html.contains("href=\"" + link + "\""), "the button goes to the same page");
        assertEquals(landfall.baseUrl() + "/t/" + token, app.landfall.testing.ClickLinks.follow(link));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/t/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("In Zustellung"), "the page names the same status");
        String date = text.lines().filter(l -> l.startsWith("Voraussichtliche Zustellung:")).findFirst().orElseThrow()
                .substring("Voraussichtliche Zustellung:".length()).strip();
        assertTrue(page.body().contains(date), "the page promises the same day: " + date);
        assertEquals("sent", dsl.select(NOTIFICATION_OUTBOX.STATUS).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipment)).fetchSingle(NOTIFICATION_OUTBOX.STATUS));
    }
}
