package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_SUBSCRIPTIONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Get updates by email or text" on the tracking page, over HTTP with a real SMTP server (GreenMail)
 * and a fake Twilio: the order's own address is on at once, another one only after following the
 * link in its confirmation message; bad input, forged links and floods get clear pages and write
 * nothing; and the preferences page's per-order choices stop the next message on that channel.
 */
class OrderUpdatesIT {
    private static final TestClock CLOCK = new TestClock("2026-12-07T18:00:00Z");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final Pattern CONFIRM = Pattern.compile("https?://[^\\s\"<>]+/s/[0-9]+\\.[A-Za-z0-9_.-]+");
    private static final Pattern PREFERENCES = Pattern.compile("https?://[^\\s\"<>]+/u/[0-9]+\\.[A-Za-z0-9_.-]+");
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static GreenMail smtp;
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;
    private static long other;
    private static String key;
    private static int parcels;

    /** A parcel of an order, with its public link. */
    private record Parcel(long orderId, long shipmentId, String token) {
    }

    /** One visitor: their own cookies, their own address. */
    private record Visitor(HttpClient http, String address) {
        static Visitor next() {
            return new Visitor(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "203.0.113." + CLIENTS.incrementAndGet());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false", "LANDFALL_TRUSTED_PROXIES", "127.0.0.1",
                "LANDFALL_MAIL_FROM", "Landfall <notices@mail.example>", "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port,
                "LANDFALL_TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "LANDFALL_TWILIO_AUTH_TOKEN", "secret",
                "LANDFALL_TWILIO_SMS_FROM", "+15005550006", "LANDFALL_TWILIO_API_URL", TWILIO.url())), CLOCK);
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "harbour");
        other = TestMerchants.create(dsl, "quay");
        key = new ApiKeys(dsl).create(store, "test");
    }

    @AfterAll
    static void stop() {
        landfall.close();
        smtp.stop();
        TWILIO.close();
    }

    private static Parcel parcel(long merchant, String email, String phone) {
        parcels++;
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchant).set(ORDERS.ORDER_NUMBER, "H-" + (1000 + parcels))
                .set(ORDERS.CUSTOMER_EMAIL, email).set(ORDERS.CUSTOMER_PHONE, phone).set(ORDERS.SHIPPING_COUNTRY, "DE")
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-05T10:00:00Z"))
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        String token = Tokens.newToken();
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, "outbound").set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z" + String.format("%016d", 500 + parcels)).set(SHIPMENTS.PUBLIC_TOKEN, token)
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        return new Parcel(order, shipment, token);
    }

    /** A carrier event through the events API, an hour before the test clock's now. */
    private static void event(Parcel parcel, String status) throws Exception {
        CLOCK.advance(Duration.ofMinutes(5));
        String at = OffsetDateTime.now(CLOCK).minusMinutes(1).withOffsetSameInstant(ZoneOffset.UTC).toString();
        String body = "{\"events\":[{\"event_id\":\"ev" + EVENTS.incrementAndGet() + "\",\"occurred_at\":\"" + at + "\",\"status\":\""
                + status + "\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(landfall.baseUrl() + "/api/v1/shipments/" + parcel.shipmentId() + "/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
    }

    private static HttpResponse<String> get(Visitor visitor, String url) throws Exception {
        return visitor.http().send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : landfall.baseUrl() + url))
                .header("X-Forwarded-For", visitor.address()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Visitor visitor, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return visitor.http().send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : landfall.baseUrl() + url))
                .header("X-Forwarded-For", visitor.address()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the tracking page and sends its "Get updates" form with {@code address}. */
    private static HttpResponse<String> subscribe(Visitor visitor, Parcel parcel, String address) throws Exception {
        HttpResponse<String> page = get(visitor, "/t/" + parcel.token());
        assertEquals(200, page.statusCode());
        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), "the tracking page has the form with the visitor's CSRF token");
        return post(visitor, "/t/" + parcel.token() + "/subscriptions", Map.of("_csrf", csrf.group(1), "address", address));
    }

    private static List<String> recipients(Parcel parcel, String template) {
        return dsl.select(NOTIFICATION_OUTBOX.RECIPIENT).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(parcel.shipmentId()))
                .and(NOTIFICATION_OUTBOX.TEMPLATE.eq(template)).orderBy(NOTIFICATION_OUTBOX.ID).fetch(NOTIFICATION_OUTBOX.RECIPIENT);
    }

    private static MimeMessage lastTo(String address) throws Exception {
        MimeMessage found = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found = m;
            }
        }
        assertTrue(found != null, "an email to " + address);
        return found;
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.getContentType().startsWith("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group();
    }

    private static int subscriptions(Parcel parcel) {
        return dsl.fetchCount(ORDER_SUBSCRIPTIONS, ORDER_SUBSCRIPTIONS.ORDER_ID.eq(parcel.orderId()));
    }

    private static void texts(long merchant, boolean on) {
        dsl.insertInto(NOTIFICATION_TRIGGERS).set(NOTIFICATION_TRIGGERS.MERCHANT_ID, merchant)
                .set(NOTIFICATION_TRIGGERS.TRIGGER, "shipment.out_for_delivery").set(NOTIFICATION_TRIGGERS.CHANNEL, "sms")
                .set(NOTIFICATION_TRIGGERS.ENABLED, on).onConflict(NOTIFICATION_TRIGGERS.MERCHANT_ID, NOTIFICATION_TRIGGERS.TRIGGER,
                        NOTIFICATION_TRIGGERS.CHANNEL).doUpdate().set(NOTIFICATION_TRIGGERS.ENABLED, on).execute();
    }

    @Test
    void the_orders_own_address_subscribes_at_once_and_each_visitor_gets_their_own_csrf_token_from_the_cached_page() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", null);
        Visitor zoe = Visitor.next();
        HttpResponse<String> answer = subscribe(zoe, parcel, " Zoe@Example.com ");
        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals("/t/" + parcel.token() + "/subscriptions?done=subscribed", answer.headers().firstValue("Location").orElseThrow());
        assertTrue(get(zoe, answer.headers().firstValue("Location").get()).body().contains("You will get updates"));
        assertEquals(0, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.TEMPLATE.eq("subscription.confirm")
                .and(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(parcel.shipmentId()))), "no confirmation for the order's own address");

        String zoesToken = find(CSRF, get(zoe, "/t/" + parcel.token()).body());
        String othersToken = find(CSRF, get(Visitor.next(), "/t/" + parcel.token()).body());
        assertNotEquals(zoesToken, othersToken, "the cached page carries each visitor's own token");
    }

    @Test
    void another_address_gets_nothing_until_it_confirms_and_every_update_after() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", null);
        HttpResponse<String> answer = subscribe(Visitor.next(), parcel, "grandma@example.org");
        assertEquals(303, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().endsWith("?done=confirm"));
        landfall.notifications().sendEmails();
        MimeMessage confirmation = lastTo("grandma@example.org");
        assertTrue(confirmation.getSubject().startsWith("Confirm updates about order H-"), confirmation.getSubject());
        String link = find(CONFIRM, text(confirmation));

        event(parcel, "InTransit");
        assertEquals(List.of("zoe@example.com"), recipients(parcel, "shipment.shipped"), "nothing before confirming");

        Visitor grandma = Visitor.next();
        HttpResponse<String> page = get(grandma, link);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Yes, send me updates"), page.body());
        assertNull(dsl.select(ORDER_SUBSCRIPTIONS.CONFIRMED_AT).from(ORDER_SUBSCRIPTIONS)
                .where(ORDER_SUBSCRIPTIONS.ORDER_ID.eq(parcel.orderId())).fetchSingle().value1(), "opening the link (a mail scanner) confirms nothing");
        HttpResponse<String> confirmed = post(grandma, link, Map.of());
        assertEquals(200, confirmed.statusCode());
        assertTrue(confirmed.body().contains("You will get updates"));

        event(parcel, "OutForDelivery");
        assertEquals(List.of("zoe@example.com", "grandma@example.org"), recipients(parcel, "shipment.out_for_delivery"));
        long subscription = dsl.select(ORDER_SUBSCRIPTIONS.ID).from(ORDER_SUBSCRIPTIONS)
                .where(ORDER_SUBSCRIPTIONS.ORDER_ID.eq(parcel.orderId())).fetchSingle().value1();
        assertEquals(1, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(
                "shipment:" + parcel.shipmentId() + ":out_for_delivery:email:subscriber:" + subscription)), "its own dedupe key");
        landfall.notifications().sendEmails();
        assertFalse(lastTo("grandma@example.org").getSubject().startsWith("Confirm"), "the update itself reached the subscriber");
    }

    @Test
    void a_forged_a_foreign_or_an_expired_confirmation_link_is_refused_with_a_clear_page_and_writes_nothing() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", null);
        subscribe(Visitor.next(), parcel, "cousin@example.org");
        landfall.notifications().sendEmails();
        String link = find(CONFIRM, text(lastTo("cousin@example.org")));
        Visitor visitor = Visitor.next();
        String forged = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        String foreign = link.replace("/s/" + store + ".", "/s/" + other + ".");
        for (String bad : List.of(forged, foreign)) {
            HttpResponse<String> refused = post(visitor, bad, Map.of());
            assertEquals(404, refused.statusCode(), bad);
            assertTrue(refused.body().contains("This link does not work"), refused.body());
        }
        CLOCK.advance(Duration.ofDays(4));
        HttpResponse<String> expired = post(visitor, link, Map.of());
        assertEquals(404, expired.statusCode());
        assertTrue(expired.body().contains("Ask for updates again on the tracking page"));
        assertEquals(0, dsl.fetchCount(ORDER_SUBSCRIPTIONS, ORDER_SUBSCRIPTIONS.ORDER_ID.eq(parcel.orderId())
                .and(ORDER_SUBSCRIPTIONS.CONFIRMED_AT.isNotNull())), "nothing confirmed");
    }

    @Test
    void a_bad_email_or_phone_number_is_a_form_error_with_the_value_kept_and_writes_nothing() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", "+49 151 11111111");
        texts(store, false);
        Visitor visitor = Visitor.next();
        Map<String, String> cases = Map.of("zoe@", "Enter an email address in the right format",
                "12", "Enter a mobile number that can receive texts",
                "030 1234567", "Enter a mobile number that can receive texts", // a Berlin landline
                "+49 151 22222222", "This store sends updates by email only",
                "", "Enter an email address or a mobile number");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> answer = subscribe(visitor, parcel, c.getKey());
            assertEquals(422, answer.statusCode(), c.getKey());
            assertTrue(answer.body().contains(c.getValue()), c.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains("value=\"" + c.getKey() + "\""), "the value is kept");
            assertTrue(answer.body().contains("aria-invalid=\"true\""));
        }
        HttpResponse<String> noToken = post(visitor, "/t/" + parcel.token() + "/subscriptions", Map.of("address", "x@example.com"));
        assertEquals(403, noToken.statusCode(), "no CSRF token, no sign-up");
        assertEquals(0, subscriptions(parcel));
    }

    @Test
    void another_number_is_sent_a_text_with_the_confirmation_link() throws Exception {
        texts(store, true);
        Parcel parcel = parcel(store, "zoe@example.com", "0151 11111111");
        TWILIO.requests.clear();
        HttpResponse<String> answer = subscribe(Visitor.next(), parcel, "0151 33333333");
        assertTrue(answer.headers().firstValue("Location").orElseThrow().endsWith("?done=confirm"));
        landfall.notifications().sendTexts();
        assertEquals(1, TWILIO.requests.size());
        assertEquals("+4915133333333", TWILIO.requests.get(0).form().get("To"));
        String link = find(CONFIRM, TWILIO.requests.get(0).form().get("Body"));
        post(Visitor.next(), link, Map.of());

        HttpResponse<String> own = subscribe(Visitor.next(), parcel, "+49 151 11111111");
        assertTrue(own.headers().firstValue("Location").orElseThrow().endsWith("?done=subscribed"), "the order's own number, written otherwise");
        event(parcel, "OutForDelivery");
        assertEquals(List.of("zoe@example.com", "0151 11111111", "+4915133333333"), recipients(parcel, "shipment.out_for_delivery"));
    }

    @Test
    void a_delivered_parcels_page_and_a_return_parcels_offer_no_updates() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", null);
        assertTrue(get(Visitor.next(), "/t/" + parcel.token()).body().contains("name=\"address\""));
        dsl.update(SHIPMENTS).set(SHIPMENTS.STATUS, "Delivered").set(SHIPMENTS.UPDATED_AT, OffsetDateTime.now(CLOCK))
                .where(SHIPMENTS.ID.eq(parcel.shipmentId())).execute();
        assertFalse(get(Visitor.next(), "/t/" + parcel.token()).body().contains("name=\"address\""), "no news left to send");
        Parcel noOrder = parcel(store, "zoe@example.com", null);
        dsl.update(SHIPMENTS).set(SHIPMENTS.DIRECTION, "return").where(SHIPMENTS.ID.eq(noOrder.shipmentId())).execute();
        assertFalse(get(Visitor.next(), "/t/" + noOrder.token()).body().contains("name=\"address\""), "a return parcel offers none");
    }

    @Test
    void too_many_sign_ups_for_one_order_get_429_with_a_clear_page() throws Exception {
        Parcel parcel = parcel(store, "zoe@example.com", null);
        for (int i = 0; i < 5; i++) {
            assertEquals(303, subscribe(Visitor.next(), parcel, "zoe@example.com").statusCode());
        }
        HttpResponse<String> refused = subscribe(Visitor.next(), parcel, "zoe@example.com");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("Too many requests"), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void a_sign_up_writes_only_to_the_parcels_own_store_and_another_stores_domain_cannot_open_it() throws Exception {
        Parcel mine = parcel(store, "zoe@example.com", null);
        Parcel theirs = parcel(other, "ana@example.com", null);
        subscribe(Visitor.next(), theirs, "friend@example.org");
        assertEquals(1, dsl.fetchCount(ORDER_SUBSCRIPTIONS, ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(other)));
        assertEquals(0, subscriptions(mine));
        assertEquals(0, dsl.fetchCount(ORDER_SUBSCRIPTIONS, ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(store)
                .and(ORDER_SUBSCRIPTIONS.ORDER_ID.eq(theirs.orderId()))));
        HttpResponse<String> missing = get(Visitor.next(), "/t/" + Tokens.newToken() + "/subscriptions");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void choices_on_the_preferences_page_stop_the_next_message_on_that_channel() throws Exception {
        texts(store, true);
        Parcel parcel = parcel(store, "mia@example.com", "0151 44444444");
        event(parcel, "InfoReceived");
        landfall.notifications().sendEmails();
        String link = find(PREFERENCES, text(lastTo("mia@example.com")));
        Visitor mia = Visitor.next();
        String page = get(mia, link).body();
        assertTrue(page.contains("Messages about order H-"), page);
        assertTrue(page.contains("Email to mia@example.com") && page.contains("SMS to 0151 44444444"), page);

        HttpResponse<String> saved = post(mia, link + "/order", Map.of("channel", "email"));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("Your choices for this order are saved."));
        event(parcel, "OutForDelivery");
        assertEquals(List.of("mia@example.com"), recipients(parcel, "shipment.out_for_delivery"), "no SMS after it was switched off");

        post(mia, link + "/order", Map.of());
        event(parcel, "Delivered");
        assertEquals(List.of(), recipients(parcel, "shipment.delivered"), "nothing after every channel was switched off");
        assertFalse(get(mia, link).body().contains("checked"), "the page shows every channel off");
    }
}
