package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMS and WhatsApp leave through a Twilio-style Messages API (a fake in this JVM): the calls, retries, refusals and numbers. */
class TextDeliveryIT {
    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "the-auth-token";
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private final FakeTwilio twilio = new FakeTwilio();
    private Landfall landfall;
    private Demo demo;

    /** The demo store's approved return, what its texts are about. */
    record Demo(long merchantId, String slug, long returnId, String rma, String token) {
    }

    @AfterEach
    void stop() {
        if (landfall != null) {
            landfall.close();
        }
        twilio.close();
    }

    private void start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("LANDFALL_BACKGROUND_JOBS", "false", "LANDFALL_DEMO", "true"));
        env.putAll(settings);
        landfall = Landfall.start(TestDatabase.config(env), clock);
        DSLContext dsl = landfall.database().dsl();
        var r = dsl.select(RETURNS.MERCHANT_ID, MERCHANTS.SLUG, RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN).from(RETURNS)
                .join(MERCHANTS).on(MERCHANTS.ID.eq(RETURNS.MERCHANT_ID))
                .where(RETURNS.STATUS.eq("approved")).orderBy(RETURNS.ID).limit(1).fetchSingle();
        demo = new Demo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());
        dsl.deleteFrom(NOTIFICATION_OUTBOX).execute();
        TestMerchants.withoutQuietHours(dsl); // the demo's customers live in many time zones; QuietHoursIT covers when

    }

    private void startWithTwilio() {
        start(Map.of("LANDFALL_TWILIO_ACCOUNT_SID", SID, "LANDFALL_TWILIO_AUTH_TOKEN", TOKEN, "LANDFALL_TWILIO_SMS_FROM", "+15005550006",
                "LANDFALL_TWILIO_WHATSAPP_FROM", "+14155238886", "LANDFALL_TWILIO_API_URL", twilio.url()));
    }

    /** Adds a text about the demo return, as a feature would in its transaction. */
    private void text(Notice.Channel channel, String to, String language, String cause) {
        landfall.database().dsl().transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg),
                new Notice(demo.merchantId(), channel, "return.approved", to, language,
                        Map.of("return_id", demo.returnId(), "rma", demo.rma(), "status", "approved"), cause, null, demo.returnId()),
                OffsetDateTime.now(clock)));
    }

    private NotificationOutboxRecord row(String cause) {
        return landfall.database().dsl().selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(cause)).fetchSingle();
    }

    @Test
    void an_sms_is_posted_to_the_messages_api_with_basic_auth_and_its_sid_and_segments_are_kept() {
        startWithTwilio();
        text(Notice.Channel.SMS, "+1 415 555 2671", "en", "t:1");
        assertEquals(1, landfall.notifications().sendTexts());

        assertEquals(1, twilio.requests.size());
        FakeTwilio.Request call = twilio.requests.get(0);
        assertEquals("POST", call.method());
        assertEquals("/2010-04-01/Accounts/" + SID + "/Messages.json", call.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                call.authorization());
        assertTrue(call.contentType().startsWith("application/x-www-form-urlencoded"), call.contentType());
        assertEquals("+14155552671", call.form().get("To"), "E.164");
        assertEquals("+15005550006", call.form().get("From"));
        String body = call.form().get("Body");
        assertTrue(body.contains("return " + demo.rma() + " is approved"), body);
        assertEquals(landfall.baseUrl() + "/r/" + demo.token(), app.landfall.testing.ClickLinks.follow(app.landfall.testing.ClickLinks.in(body)),
                "the short link counts the click, then opens the return's page: " + body);
        assertTrue(body.endsWith("Reply STOP to opt out."), body);

        NotificationOutboxRecord row = row("t:1");
        assertEquals("sent", row.getStatus());
        assertEquals("SM" + "%032x".formatted(1), row.getProviderId(), "the provider's message SID");
        assertEquals(body, row.getBodyText(), "the log keeps what was sent");
        assertEquals(TextSegments.of(body).segments(), row.getSegments().intValue());
        assertTrue(row.getSegments() <= 2, "within two segments");
        assertEquals(0, landfall.notifications().sendTexts(), "nothing is sent twice");
        assertEquals(1, twilio.requests.size());
    }

    @Test
    void a_store_with_sms_on_for_out_for_delivery_texts_the_tracking_link_when_the_carrier_event_arrives() throws Exception {
        startWithTwilio();
        DSLContext dsl = landfall.database().dsl();
        dsl.transaction(cfg -> NotificationTriggers.save(DSL.using(cfg), demo.merchantId(), java.util.List.of("sms"),
                java.util.Set.of(new NotificationTriggers.Switch("shipment.out_for_delivery", "sms")), OffsetDateTime.now(clock)));
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, demo.merchantId()).set(ORDERS.ORDER_NUMBER, "#TXT-4821")
                .set(ORDERS.CUSTOMER_PHONE, "0151 23456789").set(ORDERS.SHIPPING_COUNTRY, "DE")
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-05T10:00:00Z")).returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        String token = app.landfall.auth.Tokens.newToken();
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, demo.merchantId()).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.DIRECTION, "outbound").set(SHIPMENTS.CARRIER, "dhl").set(SHIPMENTS.TRACKING_NUMBER, "JJD0099887766")
                .set(SHIPMENTS.PUBLIC_TOKEN, token).returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        String key = new app.landfall.api.ApiKeys(dsl).create(demo.merchantId(), "test");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":[{\"event_id\":\"ofd\","
                        + "\"occurred_at\":\"2026-12-07T09:30:00Z\",\"status\":\"OutForDelivery\"}]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());

        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals(1, twilio.requests.size());
        FakeTwilio.Request call = twilio.requests.get(0);
        assertEquals("+4915123456789", call.form().get("To"), "the order's number, read in its shipping country");
        String body = call.form().get("Body");
        assertTrue(body.contains("#TXT-4821"), "the order number the customer knows: " + body);
        assertEquals(landfall.baseUrl() + "/t/" + token, app.landfall.testing.ClickLinks.follow(app.landfall.testing.ClickLinks.in(body)),
                "the short link counts the click, then opens the tracking page: " + body);
        NotificationOutboxRecord row = row("shipment:" + shipment + ":out_for_delivery:sms");
        assertEquals("sent", row.getStatus());
        assertEquals(body, row.getBodyText());
        assertTrue(row.getSegments() <= 2, body);
    }

    @Test
    void a_whatsapp_message_goes_between_whatsapp_addresses_and_keeps_its_accents() {
        startWithTwilio();
        text(Notice.Channel.WHATSAPP, "+34 612 34 56 78", "es", "t:wa");
        assertEquals(1, landfall.notifications().sendTexts());
        FakeTwilio.Request call = twilio.requests.get(0);
        assertEquals("whatsapp:+34612345678", call.form().get("To"));
        assertEquals("whatsapp:+14155238886", call.form().get("From"));
        assertTrue(call.form().get("Body").contains("su devolución " + demo.rma() + " está aprobada"), call.form().get("Body"));
        NotificationOutboxRecord row = row("t:wa");
        assertEquals("sent", row.getStatus());
        assertNull(row.getSegments(), "WhatsApp is not billed in segments");
    }

    @Test
    void a_number_without_its_country_code_is_read_in_the_orders_country() {
        startWithTwilio();
        DSLContext dsl = landfall.database().dsl();
        dsl.update(ORDERS).set(ORDERS.SHIPPING_COUNTRY, "DE")
                .where(ORDERS.ID.eq(dsl.select(RETURNS.ORDER_ID).from(RETURNS).where(RETURNS.ID.eq(demo.returnId()))))
                .and(ORDERS.MERCHANT_ID.eq(demo.merchantId())).execute();
        text(Notice.Channel.SMS, "0151 23456789", "de", "t:de");
        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals("+4915123456789", twilio.requests.get(0).form().get("To"));
        assertTrue(twilio.requests.get(0).form().get("Body").contains("Ihre Rücksendung " + demo.rma() + " ist genehmigt"));
    }

    @Test
    void an_unavailable_provider_is_tried_again_after_a_pause_and_the_text_then_goes() {
        startWithTwilio();
        twilio.answerNext(503, "{\"code\":20503,\"message\":\"Service unavailable\"}");
        text(Notice.Channel.SMS, "+14155552671", "en", "t:retry");
        assertEquals(1, landfall.notifications().sendTexts());
        NotificationOutboxRecord first = row("t:retry");
        assertEquals("pending", first.getStatus());
        assertEquals(1, first.getAttempts());
        assertTrue(first.getLastError().contains("20503"), first.getLastError());
        Duration pause = Duration.between(clock.instant(), first.getNextAttemptAt().toInstant());
        assertTrue(pause.compareTo(Duration.ofSeconds(47)) >= 0 && pause.compareTo(Duration.ofSeconds(73)) <= 0, "about a minute: " + pause);

        assertEquals(0, landfall.notifications().sendTexts(), "not before its pause is over");
        clock.advance(Duration.ofSeconds(75));
        assertEquals(1, landfall.notifications().sendTexts());
        NotificationOutboxRecord sent = row("t:retry");
        assertEquals("sent", sent.getStatus());
        assertEquals(2, sent.getAttempts());
        assertNull(sent.getLastError());
        assertEquals(2, twilio.requests.size());
    }

    @Test
    void a_refused_number_fails_at_once_with_the_providers_code_and_is_never_retried() {
        startWithTwilio();
        twilio.answerNext(400, "{\"code\":21211,\"message\":\"The 'To' number +14155552671 is not a valid phone number.\",\"status\":400}");
        text(Notice.Channel.SMS, "+14155552671", "en", "t:refused");
        assertEquals(1, landfall.notifications().sendTexts());
        NotificationOutboxRecord row = row("t:refused");
        assertEquals("failed", row.getStatus());
        assertTrue(row.getLastError().contains("error 21211: The 'To' number +14155552671 is not a valid phone number."), row.getLastError());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, landfall.notifications().sendTexts());
        assertEquals(1, twilio.requests.size());
    }

    @Test
    void a_number_the_provider_knows_replied_stop_is_suppressed_for_the_store_from_then_on() {
        startWithTwilio();
        twilio.answerNext(400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}");
        text(Notice.Channel.SMS, "+14155552671", "en", "t:21610");
        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals("suppressed", row("t:21610").getStatus());
        text(Notice.Channel.SMS, "+1 415 555 2671", "en", "t:after");
        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals("suppressed", row("t:after").getStatus());
        assertEquals(1, twilio.requests.size(), "the second was not even tried");
    }

    @Test
    void an_invalid_number_is_failed_with_its_reason_and_never_sent() {
        startWithTwilio();
        text(Notice.Channel.SMS, "not a number", "en", "t:garbage");
        text(Notice.Channel.SMS, "+1 415 555", "en", "t:short");
        assertEquals(2, landfall.notifications().sendTexts());
        assertEquals("failed", row("t:garbage").getStatus());
        assertEquals("\"not a number\" is not a phone number.", row("t:garbage").getLastError());
        assertEquals("failed", row("t:short").getStatus());
        assertTrue(row("t:short").getLastError().contains("is not a valid number"), row("t:short").getLastError());
        assertEquals(0, twilio.requests.size(), "nothing reached the provider");
    }

    @Test
    void a_provider_unavailable_for_a_day_is_given_up_with_the_reason() {
        startWithTwilio();
        twilio.answerNext(503, "{}");
        text(Notice.Channel.SMS, "+14155552671", "en", "t:day");
        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals("pending", row("t:day").getStatus());
        clock.advance(Duration.ofHours(25));
        twilio.answerNext(429, "{\"code\":20429,\"message\":\"Too Many Requests\"}");
        assertEquals(1, landfall.notifications().sendTexts());
        NotificationOutboxRecord row = row("t:day");
        assertEquals("failed", row.getStatus(), "given up after a day");
        assertEquals("The SMS provider refused the message: error 20429: Too Many Requests.", row.getLastError());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, landfall.notifications().sendTexts());
        assertEquals(2, twilio.requests.size());
    }

    @Test
    void a_staff_email_template_is_never_texted() {
        startWithTwilio();
        landfall.database().dsl().transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg),
                new Notice(demo.merchantId(), Notice.Channel.SMS, "admin.password_reset", "+14155552671", "en",
                        Map.of("link", "https://landfall.example/admin/password/reset/x"), "t:staff", null, null),
                OffsetDateTime.now(clock)));
        assertEquals(1, landfall.notifications().sendTexts());
        assertEquals("failed", row("t:staff").getStatus());
        assertEquals("There is no text message for admin.password_reset.", row("t:staff").getLastError());
        assertEquals(0, twilio.requests.size());
    }

    @Test
    void without_a_provider_each_text_is_written_and_kept_as_unsent_saying_why() {
        start(Map.of());
        text(Notice.Channel.SMS, "+14155552671", "en", "t:unsent");
        text(Notice.Channel.WHATSAPP, "+14155552671", "en", "t:unsent-wa");
        assertEquals(2, landfall.notifications().sendTexts());
        NotificationOutboxRecord row = row("t:unsent");
        assertEquals("unsent", row.getStatus(), "nothing pretends to have been sent");
        assertNull(row.getSentAt());
        assertEquals(TextDelivery.NO_PROVIDER, row.getLastError());
        assertTrue(row.getBodyText().contains(landfall.baseUrl() + "/m/"), "the text as it would have gone out is kept");
        assertEquals(TextSegments.of(row.getBodyText()).segments(), row.getSegments().intValue());
        assertEquals(TextDelivery.NO_WHATSAPP, row("t:unsent-wa").getLastError());
        assertEquals(0, twilio.requests.size());
    }
}
