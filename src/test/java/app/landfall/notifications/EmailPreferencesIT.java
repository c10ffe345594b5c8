package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_SUPPRESSIONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preferences link in shoppers' emails, RFC 8058 one-click unsubscribe, and what the sender does with a suppressed address. */
class EmailPreferencesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PREFERENCES = Pattern.compile("https?://[^\\s\"<]+/u/[0-9A-Za-z._-]+");
    private static final String SHOPPER = "a-7@example.com";
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private final AtomicInteger keys = new AtomicInteger();
    private GreenMail smtp;
    private Landfall landfall;
    private DSLContext dsl;
    private long store;
    private long shipment;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "Landfall <notices@mail.example>", "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port)), clock);
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "harbour");
        TestMerchants.withoutQuietHours(dsl); // the order ships to Oregon, where 10:00 UTC is night
        long order = TestOrders.delivered(dsl, store, "A-7", now()).orderId();
        shipment = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(order)).fetchSingle(SHIPMENTS.ID);
    }

    @AfterEach
    void stop() {
        if (landfall != null) {
            landfall.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Queues a parcel email to the shopper and sends it; returns its outbox id. */
    private long shopperEmail(String template) {
        return queue(new Notice(store, Notice.Channel.EMAIL, template, SHOPPER, "en", Map.of("shipment_id", shipment),
                "test:" + keys.incrementAndGet(), shipment, null));
    }

    private long queue(Notice notice) {
        dsl.transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg), notice, now()));
        long id = dsl.select(DSL.max(NOTIFICATION_OUTBOX.ID)).from(NOTIFICATION_OUTBOX).fetchSingle().value1();
        landfall.notifications().sendEmails();
        return id;
    }

    private long staffEmail(long merchant) {
        return queue(Notice.staffEmail(merchant, "admin.password_reset", SHOPPER, Map.of("link", "https://landfall.example/admin/password/reset/x"),
                "test:" + keys.incrementAndGet()));
    }

    private String status(long id) {
        return dsl.select(NOTIFICATION_OUTBOX.STATUS).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.ID.eq(id)).fetchSingle().value1();
    }

    private MimeMessage last() {
        MimeMessage[] received = smtp.getReceivedMessages();
        return received[received.length - 1];
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

    private static String preferencesLink(String text) {
        Matcher m = PREFERENCES.matcher(text);
        assertTrue(m.find(), "a link to the preferences page: " + text);
        return m.group();
    }

    private String linkInLastEmail() throws Exception {
        return preferencesLink(part(last(), "text/plain"));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as a mail provider sends it (RFC 8058): the one field, no cookie, no CSRF field. */
    private static HttpResponse<String> oneClick(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int suppressions() {
        return dsl.fetchCount(NOTIFICATION_SUPPRESSIONS);
    }

    @Test
    void a_shopper_email_links_to_the_preferences_page_in_both_parts_and_an_in_transit_update_carries_the_one_click_headers()
            throws Exception {
        shopperEmail("shipment.delivered");
        MimeMessage delivered = last();
        String link = preferencesLink(part(delivered, "text/plain"));
        assertTrue(link.startsWith(landfall.baseUrl() + "/u/" + store + "."), link);
        assertTrue(part(delivered, "text/html").contains("href=\"" + link + "\""), "the HTML part links to the same page");
        assertNull(delivered.getHeader("List-Unsubscribe"), "a delivery notice is no marketing: no unsubscribe header");

        shopperEmail("shipment.in_transit");
        MimeMessage update = last();
        String updateLink = preferencesLink(part(update, "text/plain"));
        assertTrue(part(update, "text/html").contains("href=\"" + updateLink + "\""));
        assertEquals("<" + updateLink + ">", update.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", update.getHeader("List-Unsubscribe-Post")[0]);

        staffEmail(store);
        assertFalse(PREFERENCES.matcher(part(last(), "text/plain")).find(), "staff emails have no preferences link");
        assertNull(last().getHeader("List-Unsubscribe"));
    }

    @Test
    void a_one_click_post_without_cookie_or_csrf_suppresses_the_address_and_the_next_email_is_kept_as_suppressed_but_staff_email_goes()
            throws Exception {
        long other = TestMerchants.create(dsl, "otherstore");
        shopperEmail("shipment.in_transit");
        String link = last().getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");

        HttpResponse<String> posted = oneClick(link);
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(1, dsl.fetchCount(NOTIFICATION_SUPPRESSIONS, NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(store)
                .and(NOTIFICATION_SUPPRESSIONS.CHANNEL.eq("email")).and(NOTIFICATION_SUPPRESSIONS.ADDRESS.eq(SHOPPER))));
        assertEquals(0, dsl.fetchCount(NOTIFICATION_SUPPRESSIONS, NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(other)),
                "another store's list is untouched");
        assertEquals(200, oneClick(link).statusCode(), "a second click changes nothing and fails nothing");
        assertEquals(1, suppressions());

        int before = smtp.getReceivedMessages().length;
        long next = shopperEmail("shipment.delivered");
        assertEquals("suppressed", status(next));
        assertEquals(before, smtp.getReceivedMessages().length, "nothing reached the shopper");
        assertEquals(EmailDelivery.SUPPRESSED, dsl.select(NOTIFICATION_OUTBOX.LAST_ERROR).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.ID.eq(next)).fetchSingle().value1());

        long staff = staffEmail(store);
        assertEquals("sent", status(staff), "a password link always goes");
        assertEquals(SHOPPER, ((InternetAddress) last().getAllRecipients()[0]).getAddress());
        long otherStores = staffEmail(other);
        assertEquals("sent", status(otherStores));
    }

    @Test
    void the_page_names_the_address_and_store_in_its_brand_and_a_tampered_link_is_a_404_that_writes_nothing() throws Exception {
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, store).set(BRANDS.NAME, "Harbour Goods").set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.SUPPORT_EMAIL, "help@harbour.example").execute();
        shopperEmail("shipment.delivered");
        String link = linkInLastEmail();
        HttpResponse<String> page = get(link);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(page.body().contains(SHOPPER), "it says which address");
        assertTrue(page.body().contains("Stop emails about my orders from Harbour Goods"), page.body());
        assertTrue(page.body().contains("<span>Harbour Goods</span>"), "the store's brand in the header");
        assertTrue(page.body().contains("help@harbour.example"), "the brand's support address in the footer");
        assertTrue(page.body().contains("method=\"post\""));

        String token = link.substring(link.indexOf("/u/") + 3);
        String[] parts = token.split("\\.");
        long otherStore = TestMerchants.create(dsl, "otherstore");
        char last = token.charAt(token.length() - 1);
        for (String tampered : new String[] {
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                otherStore + "." + String.join(".", Arrays.copyOfRange(parts, 1, parts.length)),
                parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2] + "." + parts[3],
                "nothing"}) {
            String url = landfall.baseUrl() + "/u/" + tampered;
            assertEquals(404, get(url).statusCode(), tampered);
            assertEquals(404, oneClick(url).statusCode(), tampered);
            assertEquals(404, oneClick(url + "/subscription").statusCode(), tampered);
        }
        assertEquals(0, suppressions(), "nothing written");
    }

    @Test
    void subscribing_again_lifts_the_suppression_and_the_next_email_arrives() throws Exception {
        shopperEmail("shipment.delivered");
        String link = linkInLastEmail();
        HttpResponse<String> done = oneClick(link);
        assertTrue(done.body().contains("Subscribe again"), done.body());
        assertTrue(get(link).body().contains("Subscribe again"), "the page shows the address is unsubscribed");
        assertEquals(1, suppressions());

        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(link + "/subscription"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("You will get emails about your orders again."), again.body());
        assertEquals(0, suppressions());
        int before = smtp.getReceivedMessages().length;
        assertEquals("sent", status(shopperEmail("shipment.delivered")));
        assertEquals(before + 1, smtp.getReceivedMessages().length);
    }
}
