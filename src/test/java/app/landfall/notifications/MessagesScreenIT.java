package app.landfall.notifications;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Messages screen over HTTP: the mailbox and its filters, one message and its framed preview, resending, and other stores' messages. */
class MessagesScreenIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final TestClock CLOCK = new TestClock("2026-12-07T10:00:00Z");
    private static final Pattern MESSAGE_LINK = Pattern.compile("href=\"/admin/messages/(\\d+)\"");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long harbour;
    private static long other;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "notices@mail.example")), CLOCK);
        dsl = landfall.database().dsl();
        harbour = TestMerchants.create(dsl, "harbour");
        other = TestMerchants.create(dsl, "other");
        user(harbour, "owner@harbour.example", "owner");
        user(harbour, "admin@harbour.example", "admin");
        user(harbour, "support@harbour.example", "support");
        user(other, "owner@other.example", "owner");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static void user(long merchant, String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, email.substring(0, email.indexOf('@'))).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }

    /** A message in the outbox as a feature writes it, then put in {@code status} as a sender would leave it. */
    private static long message(long merchant, Notice.Channel channel, String template, String recipient, String status, String subject,
            Long shipmentId, Long returnId) {
        String key = "test:" + Tokens.newToken();
        landfall.notifications().outbox().add(dsl, new Notice(merchant, channel, template, recipient, "en", Map.of(), key, shipmentId,
                returnId), OffsetDateTime.now(CLOCK));
        dsl.update(NOTIFICATION_OUTBOX).set(NOTIFICATION_OUTBOX.STATUS, status).set(NOTIFICATION_OUTBOX.SUBJECT, subject)
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, status.equals("pending") ? 0 : 3)
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, status.equals("failed") ? "The mail server answered 550 no such user" : null)
                .set(NOTIFICATION_OUTBOX.SENT_AT, status.equals("sent") ? OffsetDateTime.now(CLOCK) : null)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant)).and(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(key)).execute();
        return dsl.select(NOTIFICATION_OUTBOX.ID).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant))
                .and(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(key)).fetchSingle(NOTIFICATION_OUTBOX.ID);
    }

    private static NotificationOutboxRecord row(long id) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.ID.eq(id)).fetchSingle();
    }

    /** A password link for the harbour's owner, rendered and kept (there is no mail server): its id. */
    private static long keptPasswordEmail() {
        AdminClient stranger = new AdminClient(landfall.baseUrl());
        assertEquals(200, stranger.submit("/admin/password/forgot", "/admin/password/forgot",
                Map.of("email", "owner@harbour.example")).statusCode());
        landfall.notifications().sendEmails();
        return dsl.select(NOTIFICATION_OUTBOX.ID).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(harbour))
                .and(NOTIFICATION_OUTBOX.TEMPLATE.eq("admin.password_reset")).orderBy(NOTIFICATION_OUTBOX.ID.desc()).limit(1)
                .fetchSingle(NOTIFICATION_OUTBOX.ID);
    }

    private static List<Long> listed(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = MESSAGE_LINK.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void the_mailbox_lists_emails_and_texts_newest_first_and_leaves_out_the_merchants_webhook_events() {
        long failed = message(harbour, Notice.Channel.EMAIL, "return.approved", "ana@shopper.example", "failed", "Your return R-1 is approved",
                null, null);
        long text = message(harbour, Notice.Channel.SMS, "shipment.out_for_delivery", "+15035550100", "pending", null, null, null);
        long webhook = message(harbour, Notice.Channel.WEBHOOK, "return.approved", "merchant", "pending", null, null, null);
        long theirs = message(other, Notice.Channel.EMAIL, "return.approved", "them@other.example", "sent", "Their secret subject", null, null);
        HttpResponse<String> page = signedIn("support@harbour.example").get("/admin/messages");
        assertEquals(200, page.statusCode());
        String html = page.body();
        List<Long> ids = listed(html);
        assertTrue(ids.indexOf(text) >= 0 && ids.indexOf(text) < ids.indexOf(failed), "newest first: " + ids);
        assertFalse(ids.contains(webhook), "webhook events are the merchant's systems', not messages to people");
        assertFalse(ids.contains(theirs));
        assertFalse(html.contains("Their secret subject") || html.contains("them@other.example"));
        assertTrue(html.contains("Your return R-1 is approved"));
        assertTrue(html.contains("Shipment out for delivery"), "a message not written yet is named by its template in words");
        assertTrue(html.contains("+15035550100"));
        assertTrue(html.matches("(?s).*<span class=\"status-chip tone-critical\">Failed</span>.*"), "a failure is a critical badge with its word");
        assertTrue(html.contains(">Queued</span>"));
        assertTrue(html.contains("aria-current=\"page\">Messages</a>"), "the navigation shows where we are");
    }

    @Test
    void filters_by_status_and_channel_in_the_url_and_explains_a_filter_it_does_not_know() {
        long failed = message(harbour, Notice.Channel.EMAIL, "return.rejected", "bo@shopper.example", "failed", "Your return R-2", null, null);
        long sent = message(harbour, Notice.Channel.EMAIL, "return.received", "bo@shopper.example", "sent", "We received R-2", null, null);
        long text = message(harbour, Notice.Channel.SMS, "shipment.delivered", "+15035550101", "failed", null, null, null);
        AdminClient client = signedIn("owner@harbour.example");

        List<Long> failures = listed(client.get("/admin/messages?status=failed").body());
        assertTrue(failures.contains(failed) && failures.contains(text), failures.toString());
        assertFalse(failures.contains(sent));
        List<Long> failedEmails = listed(client.get("/admin/messages?status=failed&channel=email").body());
        assertTrue(failedEmails.contains(failed));
        assertFalse(failedEmails.contains(text) || failedEmails.contains(sent));
        String page = client.get("/admin/messages?status=failed&channel=email").body();
        assertTrue(page.contains("<option value=\"failed\" selected=\"selected\">Failed</option>"), "the filter shows what it filters by");

        HttpResponse<String> unknown = client.get("/admin/messages?status=exploded&channel=pigeon");
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("There is no status &quot;exploded&quot;: showing every status."), unknown.body());
        assertTrue(unknown.body().contains("There is no channel &quot;pigeon&quot;: showing every channel."));
        assertTrue(listed(unknown.body()).contains(sent));
    }

    @Test
    void pages_follow_a_cursor_of_the_last_message_shown_and_keep_the_filters() {
        long store = TestMerchants.create(dsl, "busy");
        user(store, "owner@busy.example", "owner");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            ids.add(message(store, Notice.Channel.EMAIL, "return.approved", "n" + i + "@shopper.example", "unsent", "Number " + i, null, null));
        }
        java.util.Collections.reverse(ids);
        AdminClient client = signedIn("owner@busy.example");
        String first = client.get("/admin/messages?status=unsent").body();
        assertEquals(ids.subList(0, 50), listed(first));
        Matcher next = Pattern.compile("href=\"(/admin/messages\\?status=unsent&amp;after=\\d+)\" rel=\"next\"").matcher(first);
        assertTrue(next.find(), first);
        String second = client.get(next.group(1).replace("&amp;", "&")).body();
        assertEquals(ids.subList(50, 53), listed(second));
        assertFalse(second.contains("rel=\"next\""));
        assertTrue(second.contains("href=\"/admin/messages?status=unsent\">Newest</a>"));
    }

    @Test
    void a_message_shows_its_headers_its_text_and_its_html_in_a_sandboxed_frame_served_with_its_own_strict_headers() {
        long id = keptPasswordEmail();
        NotificationOutboxRecord kept = row(id);
        assertEquals("unsent", kept.getStatus());
        AdminClient client = signedIn("support@harbour.example");
        HttpResponse<String> detail = client.get("/admin/messages/" + id);
        assertEquals(200, detail.statusCode());
        String html = detail.body();
        assertTrue(html.contains("<dt>From</dt><dd class=\"breakable\">&quot;Harbour&quot; &lt;notices@mail.example&gt;</dd>"), html);
        assertTrue(html.contains("<dt>To</dt><dd class=\"breakable\">owner@harbour.example</dd>"));
        assertTrue(html.contains("<dt>Subject</dt><dd class=\"breakable\">Reset your password for Harbour</dd>"));
        assertTrue(html.contains("<dt>Message-ID</dt><dd class=\"breakable\">&lt;notice." + harbour + "." + id + "@mail.example&gt;</dd>"));
        assertTrue(html.contains("<dt>Content-Language</dt><dd class=\"breakable\">en</dd>"));
        assertTrue(html.contains("<dt>Date</dt>"));
        assertTrue(html.contains("Not sent: no mail server is configured (set LANDFALL_SMTP_URL)."), "why it did not go out, in words");
        assertTrue(html.contains("<pre class=\"message-text\" tabindex=\"0\">Choose a new password\n"), "the text part as it is");
        assertTrue(html.contains("<iframe class=\"email-preview\" src=\"/admin/messages/" + id + "/preview\" sandbox=\"\""), html);
        assertFalse(html.contains("Send again"), "kept for want of a mail server: sent again, it would only be kept again");

        HttpResponse<String> preview = client.get("/admin/messages/" + id + "/preview");
        assertEquals(200, preview.statusCode());
        assertEquals(kept.getBodyHtml(), preview.body());
        assertTrue(preview.body().contains("Harbour"));
        String csp = preview.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src 'unsafe-inline'") && csp.contains("frame-ancestors 'self'")
                && csp.contains("sandbox"), csp);
        assertFalse(csp.contains("script-src"), "nothing allows a script: default-src 'none' covers it");
        assertEquals(List.of(csp), preview.headers().allValues("Content-Security-Policy"), "the page policy is replaced, not added to");
        assertEquals("SAMEORIGIN", preview.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("no-store", preview.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(preview.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String page = detail.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(page.contains("frame-ancestors 'none'"), "every other page still refuses to be framed");
        assertEquals("DENY", detail.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void a_message_not_written_yet_says_so_and_has_no_preview() {
        long id = message(harbour, Notice.Channel.EMAIL, "return.requested", "cy@shopper.example", "pending", null, null, null);
        AdminClient client = signedIn("owner@harbour.example");
        String html = client.get("/admin/messages/" + id).body();
        assertTrue(html.contains("Not written yet"), html);
        assertFalse(html.contains("<iframe"));
        assertTrue(html.contains("<dt>Next try</dt>"));
        assertEquals(404, client.get("/admin/messages/" + id + "/preview").statusCode());
    }

    @Test
    void an_admin_sends_a_failed_message_again_keeping_its_attempts_and_the_audit_log_says_who() {
        long id = message(harbour, Notice.Channel.EMAIL, "return.approved", "di@shopper.example", "failed", "Your return R-3", null, null);
        AdminClient admin = signedIn("admin@harbour.example");
        String page = admin.get("/admin/messages/" + id).body();
        assertTrue(page.contains("Send again"));
        assertTrue(page.contains("<strong>Why:</strong> <span class=\"breakable\">The mail server answered 550 no such user</span>"), page);
        HttpResponse<String> resent = admin.post("/admin/messages/" + id + "/resend", Map.of("_csrf", AdminClient.csrf(page)));
        assertEquals(303, resent.statusCode());
        String location = resent.headers().firstValue("Location").orElseThrow();
        assertEquals("/admin/messages/" + id, location);
        NotificationOutboxRecord row = row(id);
        assertEquals("pending", row.getStatus());
        assertEquals(3, row.getAttempts(), "its attempts so far are kept");
        assertNull(row.getLastError());
        assertFalse(row.getNextAttemptAt().isAfter(OffsetDateTime.now(CLOCK)), "due now");
        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.MERCHANT_ID.eq(harbour)).and(AUDIT_LOG.ACTION.eq("message.resent"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id))).fetchSingle();
        assertEquals("message", audit.getEntityType());
        assertTrue(audit.getDetails().data().contains("\"previous_status\": \"failed\""), audit.getDetails().data());
        String after = admin.get(location).body();
        assertTrue(after.contains("No mail server is configured, so it will be kept here again"), "the notice is honest about what happens next");

        landfall.notifications().sendEmails();
        assertEquals("failed", row(id).getStatus(), "the sender took it again (a template it cannot write fails at once)");
        assertEquals(4, row(id).getAttempts());
    }

    @Test
    void an_unsent_message_can_be_sent_again_but_a_sent_or_queued_one_is_refused_and_left_as_it_is() {
        long unsent = keptPasswordEmail();
        long sent = message(harbour, Notice.Channel.EMAIL, "return.received", "ed@shopper.example", "sent", "We received R-4", null, null);
        long queued = message(harbour, Notice.Channel.SMS, "shipment.delivered", "+15035550102", "pending", null, null, null);
        AdminClient owner = signedIn("owner@harbour.example");
        assertFalse(owner.get("/admin/messages/" + unsent).body().contains("Send again"), "no button while there is no mail server");
        assertEquals(303, owner.submit("/admin/messages/" + unsent, "/admin/messages/" + unsent + "/resend", Map.of()).statusCode());
        assertEquals("pending", row(unsent).getStatus());
        assertNull(row(unsent).getLastError());

        for (long id : List.of(sent, queued)) {
            NotificationOutboxRecord before = row(id);
            assertFalse(owner.get("/admin/messages/" + id).body().contains("Send again"), "no button where it cannot work");
            HttpResponse<String> refused = owner.submit("/admin/messages", "/admin/messages/" + id + "/resend", Map.of());
            assertEquals(303, refused.statusCode());
            String location = refused.headers().firstValue("Location").orElseThrow();
            assertEquals("/admin/messages/" + id, location);
            String shown = owner.get(location).body();
            assertTrue(shown.contains("Not sent again: this message is " + (id == sent ? "sent" : "queued")
                    + ". Only a message that failed or was never sent can be sent again."), shown);
            assertEquals(before, row(id), "nothing changed");
        }
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("message.resent").and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(unsent)))));
        assertEquals(0, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("message.resent").and(AUDIT_LOG.ENTITY_ID.in(
                String.valueOf(sent), String.valueOf(queued)))));
    }

    @Test
    void support_cannot_send_again_and_no_one_can_without_the_forms_token() {
        long id = message(harbour, Notice.Channel.EMAIL, "return.approved", "fi@shopper.example", "failed", "Your return R-5", null, null);
        NotificationOutboxRecord before = row(id);
        AdminClient support = signedIn("support@harbour.example");
        String page = support.get("/admin/messages/" + id).body();
        assertFalse(page.contains("Send again"), "support reads; only an owner or admin sends again");
        assertTrue(page.contains("An owner or admin can send this message again."));
        assertEquals(403, support.submit("/admin/messages/" + id, "/admin/messages/" + id + "/resend", Map.of()).statusCode());
        AdminClient owner = signedIn("owner@harbour.example");
        assertEquals(403, owner.post("/admin/messages/" + id + "/resend", Map.of()).statusCode());
        assertEquals(403, owner.post("/admin/messages/" + id + "/resend", Map.of("_csrf", Tokens.newToken())).statusCode());
        assertEquals(before, row(id));
        assertEquals(0, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("message.resent").and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id)))));
    }

    @Test
    void another_stores_messages_and_the_stores_own_webhook_events_are_not_found_and_stay_unchanged() {
        long theirs = message(other, Notice.Channel.EMAIL, "return.approved", "gus@other.example", "failed", "Theirs", null, null);
        dsl.update(NOTIFICATION_OUTBOX).set(NOTIFICATION_OUTBOX.BODY_HTML, "<p>Their email</p>").where(NOTIFICATION_OUTBOX.ID.eq(theirs)).execute();
        long webhook = message(harbour, Notice.Channel.WEBHOOK, "return.approved", "merchant", "failed", null, null, null);
        NotificationOutboxRecord theirsBefore = row(theirs);
        NotificationOutboxRecord webhookBefore = row(webhook);
        AdminClient owner = signedIn("owner@harbour.example");
        for (long id : List.of(theirs, webhook)) {
            assertEquals(404, owner.get("/admin/messages/" + id).statusCode());
            assertEquals(404, owner.get("/admin/messages/" + id + "/preview").statusCode());
            assertEquals(404, owner.submit("/admin/messages", "/admin/messages/" + id + "/resend", Map.of()).statusCode());
        }
        assertEquals(theirsBefore, row(theirs));
        assertEquals(webhookBefore, row(webhook));
    }

    @Test
    void ids_and_cursors_that_are_not_numbers_are_not_found_or_refused_never_an_error() {
        AdminClient owner = signedIn("owner@harbour.example");
        for (String path : List.of("/admin/messages/abc", "/admin/messages/-1", "/admin/messages/99999999999999999999",
                "/admin/messages/9223372036854775807", "/admin/messages/abc/preview")) {
            assertEquals(404, owner.get(path).statusCode(), path);
        }
        assertEquals(400, owner.get("/admin/messages/1%00").statusCode(), "a control character is refused before any handler");
        assertEquals(404, owner.submit("/admin/messages", "/admin/messages/abc/resend", Map.of()).statusCode());
        for (String cursor : List.of("abc", "-5", "1.5", "99999999999999999999", "%27%20OR%201%3D1")) {
            HttpResponse<String> page = owner.get("/admin/messages?after=" + cursor);
            assertEquals(400, page.statusCode(), cursor);
            assertTrue(page.body().contains("This page link is broken"), page.body());
        }
        assertEquals(200, owner.get("/admin/messages?after=").statusCode(), "an empty cursor is the first page");
    }

    @Test
    void a_new_store_is_told_what_the_screen_is_for_and_that_nothing_is_sent_without_a_mail_server() {
        long store = TestMerchants.create(dsl, "fresh");
        user(store, "owner@fresh.example", "owner");
        String html = signedIn("owner@fresh.example").get("/admin/messages").body();
        assertTrue(html.contains("Emails and texts your store sends appear here"), html);
        assertTrue(html.contains("No mail server is configured, so they are kept here, not sent: set"));
        assertTrue(html.contains("<code>LANDFALL_SMTP_URL</code>"));
        assertFalse(html.contains("<table"), "no empty table for a newcomer");
    }

    @Test
    void a_return_and_a_shipment_list_their_messages_linking_to_each() {
        OffsetDateTime now = OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
        var order = TestOrders.delivered(dsl, harbour, "H-1001", now);
        long returnId = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, harbour).set(RETURNS.RMA_NUMBER, "R-HHHHHH")
                .set(RETURNS.ORDER_ID, order.orderId()).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken()).returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, harbour).set(RETURN_ITEMS.RETURN_ID, returnId)
                .set(RETURN_ITEMS.ORDER_ITEM_ID, order.itemId()).set(RETURN_ITEMS.QUANTITY, 1).execute();
        long shipmentId = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(order.orderId())).fetchSingle(SHIPMENTS.ID);
        long aboutReturn = message(harbour, Notice.Channel.EMAIL, "return.requested", "h-1001@example.com", "sent",
                "We have your return request R-HHHHHH", null, returnId);
        long webhook = message(harbour, Notice.Channel.WEBHOOK, "return.requested", "merchant", "sent", null, null, returnId);
        long aboutParcel = message(harbour, Notice.Channel.EMAIL, "shipment.delivered", "h-1001@example.com", "failed", "Delivered",
                shipmentId, null);
        AdminClient support = signedIn("support@harbour.example");

        String returnPage = support.get("/admin/returns/" + returnId).body();
        assertEquals(List.of(aboutReturn), listed(returnPage));
        assertTrue(returnPage.contains("We have your return request R-HHHHHH"));
        assertTrue(returnPage.contains(">Sent</span>"));
        String shipmentPage = support.get("/admin/shipments/" + shipmentId).body();
        assertEquals(List.of(aboutParcel), listed(shipmentPage));
        assertTrue(shipmentPage.contains(">Failed</span>"));
        assertFalse(listed(returnPage).contains(webhook));

        String message = support.get("/admin/messages/" + aboutReturn).body();
        assertTrue(message.contains("href=\"/admin/returns/" + returnId + "\""), "the message links back to its return");
        assertTrue(support.get("/admin/messages/" + aboutParcel).body().contains("href=\"/admin/shipments/" + shipmentId + "\""));
    }
}
