package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_TEMPLATES;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings › Notifications › Edit message over HTTP, and the words it saves in real emails through a real SMTP server. */
class MessageEditorIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String DE = "/admin/settings/notifications/shipment.out_for_delivery/de";
    private static final String EN = "/admin/settings/notifications/shipment.out_for_delivery/en";
    private static final TestClock CLOCK = new TestClock("2026-12-07T09:00:00Z");
    private static GreenMail smtp;
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;
    private static long other;
    private static long shipment;
    private static long otherShipment;

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
        store = TestMerchants.create(dsl, "hafen");
        other = TestMerchants.create(dsl, "kai");
        user(store, "owner@hafen.example", "owner");
        user(store, "admin@hafen.example", "admin");
        user(store, "support@hafen.example", "support");
        user(other, "owner@kai.example", "owner");
        shipment = parcel(store, "Hafenladen", "A-1042", "Jonas Weber");
        otherShipment = parcel(other, "Kaiwaren", "K-7", "Mia Roth");
    }

    @AfterAll
    static void stop() {
        landfall.close();
        smtp.stop();
    }

    @BeforeEach
    void clean() throws Exception {
        dsl.deleteFrom(NOTIFICATION_TEMPLATES).execute();
        dsl.deleteFrom(NOTIFICATION_OUTBOX).execute();
        smtp.purgeEmailFromAllMailboxes();
    }

    private static void user(long merchant, String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, role).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static long parcel(long merchant, String brand, String orderNumber, String customer) {
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, merchant).set(BRANDS.NAME, brand).set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.LANGUAGES, new String[] {"de", "en"}).set(BRANDS.DEFAULT_LANGUAGE, "de").execute();
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchant).set(ORDERS.ORDER_NUMBER, orderNumber)
                .set(ORDERS.CUSTOMER_NAME, customer).set(ORDERS.CUSTOMER_EMAIL, "customer@" + brand.toLowerCase() + ".example")
                .set(ORDERS.PLACED_AT, OffsetDateTime.parse("2026-12-03T10:00:00Z")).returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.CARRIER, "dhl").set(SHIPMENTS.TRACKING_NUMBER, "0034043416" + order).set(SHIPMENTS.STATUS, "OutForDelivery")
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken()).returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }

    private static HttpResponse<String> save(AdminClient client, String page, String subject, String body, String text) {
        return client.submit(page, page, Map.of("subject", subject, "body", body, "text", text));
    }

    /** A customer's "out for delivery" email, written as the ingestion path writes it, then sent. */
    private static void announce(long merchant, long parcel, String language, String to) {
        dsl.transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg), new Notice(merchant, Notice.Channel.EMAIL,
                "shipment.out_for_delivery", to, language, Map.of("shipment_id", parcel), "it:" + to + ":" + language, parcel, null),
                OffsetDateTime.now(CLOCK)));
    }

    private static MimeMessage to(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("nothing to " + address));
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
    void the_editor_starts_from_the_built_in_words_of_its_language_with_the_placeholders_listed_and_a_preview() {
        HttpResponse<String> page = signedIn("admin@hafen.example").get(DE);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("value=\"Ihre Bestellung {{order_number}} wird heute zugestellt\""), html);
        assertTrue(html.contains("Ihr Paket ist im Zustellfahrzeug und sollte heute bei Ihnen ankommen."));
        assertTrue(html.contains("<code>{{tracking_link}}</code>") && !html.contains("<code>{{return_number}}</code>"),
                "the parcel's placeholders, not a return's");
        assertTrue(html.contains("Landfall&#39;s words"));
        assertTrue(html.contains("<iframe class=\"email-preview\" sandbox=\"\" src=\"" + DE + "/email?w="), "the email, in a sandboxed frame");
        assertTrue(html.contains("Shown with your newest parcel of order A-1042."), html);
        assertTrue(html.contains("Hafenladen: Ihre Bestellung A-1042"), "the text message preview, filled in");
        assertTrue(signedIn("admin@hafen.example").get("/admin/settings/notifications").body()
                .contains("href=\"/admin/settings/notifications/shipment.out_for_delivery/en\""), "each trigger row links to its editor");
    }

    @Test
    void words_saved_while_emails_go_out_apply_to_the_very_next_email() throws Exception {
        // an email first, so the renderer has read which messages the store has its own words for
        announce(store, shipment, "fr", "lea@example.fr");
        assertEquals(1, landfall.notifications().sendEmails());
        assertFalse(to("lea@example.fr").getSubject().contains("arrive aujourd'hui"), "Landfall's words before any are saved");

        AdminClient owner = signedIn("owner@hafen.example");
        String fr = DE.replace("/de", "/fr");
        HttpResponse<String> saved = save(owner, fr, "{{order_number}} arrive aujourd'hui", "Bonjour !\n\nC'est pour aujourd'hui.",
                "{{store_name}} : {{order_number}} arrive aujourd'hui. {{tracking_link}}");
        assertEquals(303, saved.statusCode(), saved.body());
        announce(store, shipment, "fr", "hugo@example.fr");
        assertEquals(1, landfall.notifications().sendEmails());
        assertEquals("A-1042 arrive aujourd'hui", to("hugo@example.fr").getSubject(), "not the words read a moment before");
    }

    @Test
    void a_stores_words_go_out_in_their_language_escaped_others_get_the_built_in_ones_and_no_other_store_gets_them() throws Exception {
        AdminClient owner = signedIn("owner@hafen.example");
        HttpResponse<String> saved = save(owner, DE, "{{customer_first_name}}, {{order_number}} kommt heute",
                "Hallo {{customer_first_name}}!\n\n<b>Heute</b> kommt Ihr Paket von {{carrier}}.\n\nVoraussichtlich: {{estimated_delivery}}",
                "{{store_name}}: {{order_number}} kommt heute. {{tracking_link}}");
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(owner.get(saved.headers().firstValue("Location").orElseThrow()).body().contains("Your own words"));

        announce(store, shipment, "de", "jonas@example.de");
        announce(store, shipment, "en", "jonas@example.com");
        announce(other, otherShipment, "de", "mia@example.de");
        assertEquals(3, landfall.notifications().sendEmails());

        MimeMessage own = to("jonas@example.de");
        assertEquals("Jonas, A-1042 kommt heute", own.getSubject());
        String html = part(own, "text/html");
        assertTrue(html.contains("&lt;b&gt;Heute&lt;/b&gt; kommt Ihr Paket von DHL Express."), "merchant text is escaped: " + html);
        assertFalse(html.contains("<b>Heute</b>"));
        assertTrue(html.contains(">In Zustellung<"), "the heading stays the status");
        assertTrue(app.landfall.testing.ClickLinks.follow(app.landfall.testing.ClickLinks.in(html)).contains("/t/"),
                "the button to the tracking page stays");
        String text = part(own, "text/plain");
        assertTrue(text.contains("Hallo Jonas!"), text);
        assertFalse(text.contains("Voraussichtlich"), "no estimate: that paragraph is left out");
        assertFalse(text.contains("Ihr Paket ist im Zustellfahrzeug"), "the built-in paragraphs are replaced");

        assertEquals("Your order A-1042 is out for delivery", to("jonas@example.com").getSubject(), "English keeps Landfall's words");
        assertEquals("Ihre Bestellung K-7 wird heute zugestellt", to("mia@example.de").getSubject(), "another store keeps its own");
        assertEquals(2, dsl.fetchCount(NOTIFICATION_TEMPLATES, NOTIFICATION_TEMPLATES.MERCHANT_ID.eq(store)), "email and text");
    }

    @Test
    void a_typo_an_unclosed_placeholder_or_a_line_break_in_the_subject_is_a_form_error_and_nothing_is_saved() {
        AdminClient admin = signedIn("admin@hafen.example");
        HttpResponse<String> typo = save(admin, DE, "Bestellung {{oder_number}}", "Hallo {{customer_first_name}\n\nTschüss",
                "{{return_number}} ist da");
        assertEquals(422, typo.statusCode());
        String html = typo.body();
        assertTrue(html.contains("{{oder_number}} is not a placeholder. Did you mean {{order_number}}? (line 1, column 12)"), html);
        assertTrue(html.contains("is never closed"), html);
        assertTrue(html.contains("{{return_number}} is not available in parcel messages. (line 1, column 1)"), html);
        assertTrue(html.contains("value=\"Bestellung {{oder_number}}\""), "the words typed are kept");
        assertTrue(html.contains("Nothing was saved or sent"));

        HttpResponse<String> injected = save(admin, DE, "Hallo\r\nBcc: everyone@example.com", "Hallo", "Hallo");
        assertEquals(422, injected.statusCode());
        assertTrue(injected.body().contains("A subject is one line: remove the line break after"), injected.body());
        HttpResponse<String> huge = save(admin, DE, "Hallo", "x".repeat(2001), "Hallo");
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains("A message has at most 2000 characters; this one has 2001."));
        HttpResponse<String> markup = save(admin, DE, "<script>alert(1)</script> {{nope}}", "Hallo", "Hallo");
        assertFalse(markup.body().contains("<script>alert(1)"), "nothing typed comes back unescaped");
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TEMPLATES));
    }

    @Test
    void reset_to_default_forgets_the_words_of_that_language_only_and_another_store_cannot_touch_them() {
        AdminClient owner = signedIn("owner@hafen.example");
        assertEquals(303, save(owner, DE, "Eigene Worte {{order_number}}", "Hallo", "Hallo").statusCode());
        assertEquals(303, save(owner, EN, "Own words {{order_number}}", "Hello", "Hello").statusCode());

        AdminClient stranger = signedIn("owner@kai.example");
        String theirs = stranger.get(DE).body();
        assertFalse(theirs.contains("Eigene Worte"), "another store sees its own (built-in) words");
        assertEquals(303, stranger.submit(DE, DE + "/reset", Map.of()).statusCode());
        assertEquals(4, dsl.fetchCount(NOTIFICATION_TEMPLATES, NOTIFICATION_TEMPLATES.MERCHANT_ID.eq(store)), "its reset is its own");

        HttpResponse<String> reset = owner.submit(DE, DE + "/reset", Map.of());
        assertEquals(303, reset.statusCode());
        String page = owner.get(reset.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Reset: Out for delivery messages in Deutsch use Landfall&#39;s words again."), page);
        assertTrue(page.contains("value=\"Ihre Bestellung {{order_number}} wird heute zugestellt\""));
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TEMPLATES, NOTIFICATION_TEMPLATES.LANGUAGE.eq("de")));
        assertEquals(2, dsl.fetchCount(NOTIFICATION_TEMPLATES, NOTIFICATION_TEMPLATES.LANGUAGE.eq("en")), "English keeps its words");
    }

    @Test
    void saving_the_built_in_words_unchanged_keeps_no_copy_so_the_store_follows_landfalls_updates() {
        AdminClient owner = signedIn("owner@hafen.example");
        String html = owner.get(EN).body();
        String subject = value(html, "subject");
        assertEquals(303, save(owner, EN, subject, textarea(html, "body"), textarea(html, "text")).statusCode());
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TEMPLATES));
    }

    @Test
    void send_a_test_to_me_mails_the_words_as_typed_to_the_admin_marked_as_a_test_and_is_rate_limited() throws Exception {
        AdminClient admin = signedIn("admin@hafen.example");
        String test = DE + "/test";
        HttpResponse<String> sent = admin.submit(DE, test, Map.of("subject", "Probe für {{order_number}}", "body", "Hallo {{customer_first_name}}",
                "text", "Hallo"));
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("A test is on its way to admin@hafen.example. It is listed in Messages."), sent.body());
        assertTrue(sent.body().contains("value=\"Probe für {{order_number}}\""), "the words typed stay in the form");
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TEMPLATES), "a test saves nothing");
        assertEquals(1, landfall.notifications().sendEmails());
        MimeMessage mail = to("admin@hafen.example");
        assertEquals("[Test] Probe für A-1042", mail.getSubject());
        assertTrue(part(mail, "text/plain").contains("Hallo Jonas"));
        assertTrue(admin.get("/admin/messages").body().contains("[Test] Probe für A-1042"), "it is listed in Messages");

        for (int i = 2; i <= MessageEditor.TESTS_PER_WINDOW; i++) {
            assertEquals(200, admin.submit(DE, test, Map.of("subject", "Probe " + i, "body", "Hallo", "text", "Hallo")).statusCode());
        }
        HttpResponse<String> tooMany = admin.submit(DE, test, Map.of("subject", "Probe", "body", "Hallo", "text", "Hallo"));
        assertEquals(429, tooMany.statusCode());
        assertTrue(tooMany.body().contains("You sent 5 tests in the last 10 minutes."), tooMany.body());
        assertEquals(MessageEditor.TESTS_PER_WINDOW, dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.MERCHANT_ID.eq(store)));

        HttpResponse<String> broken = admin.submit(DE, test, Map.of("subject", "{{nope}}", "body", "Hallo", "text", "Hallo"));
        assertEquals(422, broken.statusCode(), "words that do not parse are never sent");
    }

    @Test
    void the_live_preview_answers_htmx_with_the_fragment_and_its_frame_shows_the_typed_words_under_the_email_policy() throws Exception {
        AdminClient admin = signedIn("admin@hafen.example");
        String csrf = AdminClient.csrf(admin.get(DE).body());
        HttpResponse<String> fragment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + DE + "/preview"))
                .header("Cookie", "lf_session=" + admin.session()).header("HX-Request", "true").header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("subject=Neu+%7B%7Border_number%7D%7D&body=Gleich+da%2C+%7B%7Bcustomer_first_name%7D%7D"
                        + "+%3Ci%3E&text=Kurz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fragment.statusCode());
        String html = fragment.body();
        assertTrue(html.startsWith("<section id=\"preview\""), html);
        assertFalse(html.contains("<html"), "only the fragment");
        assertTrue(html.contains("Neu A-1042"), html);
        assertTrue(html.contains("Kurz Antworten Sie STOP") || html.contains("Kurz "), html);
        Matcher src = Pattern.compile("src=\"([^\"]+/email\\?w=[^\"]+)\"").matcher(html);
        assertTrue(src.find(), html);
        HttpResponse<String> email = admin.get(src.group(1).replace("&amp;", "&"));
        assertEquals(200, email.statusCode());
        assertTrue(email.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
        assertTrue(email.body().contains("Gleich da, Jonas &lt;i&gt;"), email.body());

        HttpResponse<String> noScript = admin.submit(DE, DE + "/preview", Map.of("subject", "Neu {{order_number}}", "body", "Hallo", "text", "Kurz"));
        assertEquals(200, noScript.statusCode());
        assertTrue(noScript.body().contains("<html") && noScript.body().contains("Neu A-1042"), "without htmx: the whole page, with the preview");
        assertEquals(404, admin.get(DE + "/email?w=garbage").statusCode());
    }

    @Test
    void only_admins_and_owners_edit_every_post_needs_its_token_and_an_unknown_message_or_language_is_not_found() {
        AdminClient support = signedIn("support@hafen.example");
        assertEquals(403, support.get(DE).statusCode());
        AdminClient owner = signedIn("owner@hafen.example");
        assertEquals(403, owner.post(DE, Map.of("subject", "x", "body", "x", "text", "x")).statusCode(), "no CSRF token");
        assertEquals(403, owner.post(DE + "/test", Map.of("_csrf", "forged", "subject", "x", "body", "x", "text", "x")).statusCode());
        assertEquals(404, owner.get("/admin/settings/notifications/shipment.teleported/de").statusCode());
        assertEquals(404, owner.get("/admin/settings/notifications/admin.password_reset/en").statusCode(), "staff emails are not editable");
        assertEquals(404, owner.get("/admin/settings/notifications/shipment.delivered/it").statusCode());
        assertEquals(200, owner.get("/admin/settings/notifications/return.approved/fr").statusCode());
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TEMPLATES));
    }

    private static String value(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" name=\"" + id + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), html);
        return unescape(m.group(1));
    }

    private static String textarea(String html, String id) {
        Matcher m = Pattern.compile("(?s)<textarea id=\"" + id + "\"[^>]*>(.*?)</textarea>").matcher(html);
        assertTrue(m.find(), html);
        return unescape(m.group(1));
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
