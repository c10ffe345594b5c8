package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_SUPPRESSIONS;
import static app.landfall.db.schema.Tables.RETURNS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies to a store's texts: a signed STOP keeps that store's texts from the number, START lifts it, a bad signature changes nothing. */
class TwilioRepliesIT {
    // Landfall behind a proxy: Twilio calls, and signs, the public address
    private static final String PUBLIC = "https://track.example.com";
    private static final String NUMBER = "+14155552671";
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private final FakeTwilio twilio = new FakeTwilio();
    private final HttpClient http = HttpClient.newHttpClient();
    private Landfall landfall;
    private long merchant;
    private String slug;
    private long returnId;
    private int notices;

    @BeforeEach
    void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false", "LANDFALL_DEMO", "true",
                "LANDFALL_BASE_URL", PUBLIC, "LANDFALL_TWILIO_ACCOUNT_SID", TextDeliveryIT.SID, "LANDFALL_TWILIO_AUTH_TOKEN",
                TextDeliveryIT.TOKEN, "LANDFALL_TWILIO_SMS_FROM", "+15005550006", "LANDFALL_TWILIO_WHATSAPP_FROM", "+14155238886",
                "LANDFALL_TWILIO_API_URL", twilio.url())), clock);
        DSLContext dsl = landfall.database().dsl();
        var r = dsl.select(RETURNS.MERCHANT_ID, MERCHANTS.SLUG, RETURNS.ID).from(RETURNS).join(MERCHANTS).on(MERCHANTS.ID.eq(RETURNS.MERCHANT_ID))
                .where(RETURNS.STATUS.eq("approved")).orderBy(RETURNS.ID).limit(1).fetchSingle();
        merchant = r.value1();
        slug = r.value2();
        returnId = r.value3();
        dsl.deleteFrom(NOTIFICATION_OUTBOX).execute();
    }

    @AfterEach
    void stop() {
        landfall.close();
        twilio.close();
    }

    /** What Twilio posts for a text from {@code from}, signed (or not) as given. */
    private HttpResponse<String> reply(String store, String from, String body, String signature) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0000000000000000000000000000beef");
        form.put("AccountSid", TextDeliveryIT.SID);
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        form.put("NumMedia", "0");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + landfall.port()
                        + "/hooks/twilio/" + store + "/inbound"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedReply(String store, String from, String body) throws Exception {
        Map<String, List<String>> params = Map.of("MessageSid", List.of("SM0000000000000000000000000000beef"),
                "AccountSid", List.of(TextDeliveryIT.SID), "From", List.of(from), "To", List.of("+15005550006"),
                "Body", List.of(body), "NumMedia", List.of("0"));
        String url = PUBLIC + "/hooks/twilio/" + store + "/inbound";
        return reply(store, from, body, TwilioSignature.of(url, params, TextDeliveryIT.TOKEN));
    }

    /** Adds a text about the demo return and runs the sender; returns what became of it. */
    private String textTo(long store, String to, Notice.Channel channel) {
        String cause = "t:" + ++notices;
        landfall.database().dsl().transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg),
                new Notice(store, channel, "return.approved", to, "en", Map.of("return_id", returnId, "status", "approved"), cause, null,
                        returnId), OffsetDateTime.now(clock)));
        app.landfall.testing.TestMerchants.withoutQuietHours(landfall.database().dsl()); // the Oregon shopper is asleep at 10:00 UTC
        landfall.notifications().sendTexts();
        return landfall.database().dsl().select(NOTIFICATION_OUTBOX.STATUS).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(cause)).fetchSingle(NOTIFICATION_OUTBOX.STATUS);
    }

    private int suppressions() {
        return landfall.database().dsl().fetchCount(NOTIFICATION_SUPPRESSIONS);
    }

    @Test
    void a_signed_stop_keeps_the_stores_texts_from_that_number_and_start_lets_them_through_again() throws Exception {
        HttpResponse<String> stop = signedReply(slug, NUMBER, " Stop ");
        assertEquals(200, stop.statusCode(), stop.body());
        assertTrue(stop.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", stop.body(), "an empty TwiML answer: no reply is sent");
        assertEquals(1, suppressions());

        assertEquals("suppressed", textTo(merchant, "+1 (415) 555-2671", Notice.Channel.SMS), "the number as typed is the number that said STOP");
        assertEquals(0, twilio.requests.size(), "nothing went to the provider");
        assertEquals("sent", textTo(merchant, NUMBER, Notice.Channel.WHATSAPP), "a STOP by SMS is about SMS");

        assertEquals(200, signedReply(slug, NUMBER, "START").statusCode());
        assertEquals(0, suppressions());
        assertEquals("sent", textTo(merchant, NUMBER, Notice.Channel.SMS));
    }

    @Test
    void each_stop_word_suppresses_and_other_replies_change_nothing() throws Exception {
        for (String word : List.of("STOPALL", "unsubscribe", "Cancel", "END", "quit")) {
            assertEquals(200, signedReply(slug, "+14155550101", word).statusCode());
            assertEquals(1, suppressions(), word);
            assertEquals(200, signedReply(slug, "+14155550101", "UNSTOP").statusCode());
            assertEquals(0, suppressions(), "UNSTOP after " + word);
        }
        assertEquals(200, signedReply(slug, "+14155550101", "please stop sending me these").statusCode());
        assertEquals(200, signedReply(slug, "+14155550101", "Thanks!").statusCode());
        assertEquals(0, suppressions(), "only the keywords, alone, count");
    }

    @Test
    void a_whatsapp_stop_suppresses_whatsapp_for_that_number() throws Exception {
        assertEquals(200, signedReply(slug, "whatsapp:" + NUMBER, "STOP").statusCode());
        assertEquals("suppressed", textTo(merchant, NUMBER, Notice.Channel.WHATSAPP));
        assertEquals("sent", textTo(merchant, NUMBER, Notice.Channel.SMS));
    }

    @Test
    void a_stop_to_another_store_leaves_this_stores_texts_alone() throws Exception {
        long other = TestMerchants.create(landfall.database().dsl(), "harbour");
        assertEquals(200, signedReply("harbour", NUMBER, "STOP").statusCode());
        assertEquals(1, landfall.database().dsl().fetchCount(NOTIFICATION_SUPPRESSIONS, NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(other)));
        assertEquals("sent", textTo(merchant, NUMBER, Notice.Channel.SMS), "the demo store's list has no STOP");
        // a START to this store does not lift the other store's STOP
        assertEquals(200, signedReply(slug, NUMBER, "START").statusCode());
        assertEquals(1, landfall.database().dsl().fetchCount(NOTIFICATION_SUPPRESSIONS, NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(other)));
    }

    @Test
    void a_stop_with_a_bad_or_missing_signature_is_refused_and_changes_nothing() throws Exception {
        assertEquals(403, reply(slug, NUMBER, "STOP", null).statusCode(), "no signature");
        assertEquals(403, reply(slug, NUMBER, "STOP", "RSOYDt4T1cUTdK1PDd93/VVr8B8=").statusCode(), "someone else's signature");
        // signed for another store's address, replayed against this one
        Map<String, List<String>> params = Map.of("MessageSid", List.of("SM0000000000000000000000000000beef"),
                "AccountSid", List.of(TextDeliveryIT.SID), "From", List.of(NUMBER), "To", List.of("+15005550006"),
                "Body", List.of("STOP"), "NumMedia", List.of("0"));
        String forHarbour = TwilioSignature.of(PUBLIC + "/hooks/twilio/harbour/inbound", params, TextDeliveryIT.TOKEN);
        assertEquals(403, reply(slug, NUMBER, "STOP", forHarbour).statusCode(), "signed for another address");
        // signed over the local address rather than the public one Twilio calls
        String local = TwilioSignature.of("http://localhost:" + landfall.port() + "/hooks/twilio/" + slug + "/inbound", params,
                TextDeliveryIT.TOKEN);
        assertEquals(403, reply(slug, NUMBER, "STOP", local).statusCode(), "signed over another URL");
        assertEquals(0, suppressions(), "nothing was written");
        assertEquals("sent", textTo(merchant, NUMBER, Notice.Channel.SMS));
    }

    @Test
    void a_signed_reply_for_a_store_that_does_not_exist_is_not_found() throws Exception {
        assertEquals(404, signedReply("nowhere", NUMBER, "STOP").statusCode());
        assertEquals(0, suppressions());
    }
}
