package app.landfall.notifications;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings › Notifications: the trigger × channel matrix, for admins and owners of their own store only. */
class NotificationSettingsIT {
    private static final String PAGE = "/admin/settings/notifications";
    private static final String PASSWORD = "correct horse battery";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;
    private static long other;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "harbour");
        other = TestMerchants.create(dsl, "quay");
        user(store, "owner@harbour.example", "owner");
        user(store, "admin@harbour.example", "admin");
        user(store, "support@harbour.example", "support");
        user(other, "owner@quay.example", "owner");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @BeforeEach
    void defaults() {
        dsl.deleteFrom(NOTIFICATION_TRIGGERS).execute();
        dsl.deleteFrom(app.landfall.db.schema.Tables.NOTIFICATION_TIMING).execute();
    }

    private static void user(long merchant, String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, role).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }

    private static HttpResponse<String> save(AdminClient client, String... ticked) {
        StringBuilder extra = new StringBuilder();
        for (String box : ticked) {
            extra.append("&on=").append(java.net.URLEncoder.encode(box, java.nio.charset.StandardCharsets.UTF_8));
        }
        return client.submitRaw(PAGE, PAGE, Map.of(), extra.toString());
    }

    private static Boolean stored(long merchant, String trigger) {
        return stored(merchant, trigger, "email");
    }

    private static Boolean stored(long merchant, String trigger, String channel) {
        return dsl.select(NOTIFICATION_TRIGGERS.ENABLED).from(NOTIFICATION_TRIGGERS).where(NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(merchant))
                .and(NOTIFICATION_TRIGGERS.TRIGGER.eq(trigger)).and(NOTIFICATION_TRIGGERS.CHANNEL.eq(channel)).fetchOne(NOTIFICATION_TRIGGERS.ENABLED);
    }

    private static boolean ticked(String html, String trigger) {
        return ticked(html, trigger, "email");
    }

    private static boolean ticked(String html, String trigger, String channel) {
        return html.matches("(?s).*<input type=\"checkbox\" name=\"on\" id=\"on-" + trigger + "-" + channel + "\" value=\"shipment\\."
                + trigger + ":" + channel + "\" checked=\"checked\">.*");
    }

    private static boolean box(String html, String trigger, String channel) {
        return html.contains("<input type=\"checkbox\" name=\"on\" id=\"on-" + trigger + "-" + channel + "\" value=\"shipment." + trigger
                + ":" + channel + "\"");
    }

    @Test
    void sms_and_whatsapp_are_columns_that_start_off_each_box_labelled_and_the_page_says_texts_need_twilio() {
        String html = signedIn("admin@harbour.example").get(PAGE).body();
        assertTrue(html.contains("<th scope=\"col\" class=\"channel\">SMS</th>"), html);
        assertTrue(html.contains("<th scope=\"col\" class=\"channel\">WhatsApp</th>"));
        for (ShipmentTrigger trigger : ShipmentTrigger.listed()) {
            for (String channel : List.of("sms", "whatsapp")) {
                assertTrue(box(html, trigger.code(), channel), trigger + " " + channel);
                assertFalse(ticked(html, trigger.code(), channel), "texts cost the store: off until it turns them on");
                assertTrue(html.contains("<label class=\"switch\" for=\"on-" + trigger.code() + "-" + channel + "\">"));
            }
        }
        assertTrue(html.contains("Out for delivery by SMS") && html.contains("Delivered by WhatsApp"), "labels that need no script");
        assertTrue(html.contains("<code>LANDFALL_TWILIO_*</code>"));
        assertTrue(html.contains("SMS and WhatsApp messages are written and kept here unsent (you can read them in Messages): "
                + "no Twilio account is connected to this Landfall yet."), "this server has no Twilio account: the page says texts are kept");
        assertTrue(html.contains("<code>LANDFALL_TWILIO_ACCOUNT_SID, LANDFALL_TWILIO_AUTH_TOKEN and"), "the settings, only as a hint");
    }

    @Test
    void texts_switched_on_are_saved_per_channel_and_another_store_keeps_its_defaults() {
        AdminClient owner = signedIn("owner@harbour.example");
        HttpResponse<String> saved = save(owner, "shipment.out_for_delivery:sms", "shipment.delivered:whatsapp", "shipment.delivered:email");
        assertEquals(303, saved.statusCode(), saved.body());
        String html = owner.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(html.contains("Saved: customers hear about 2 of 21 moments from now on."), html);
        assertTrue(ticked(html, "out_for_delivery", "sms"));
        assertTrue(ticked(html, "delivered", "whatsapp"));
        assertTrue(ticked(html, "delivered", "email"));
        assertFalse(ticked(html, "out_for_delivery", "email"), "an email not ticked is off now");
        assertFalse(ticked(html, "delivered", "sms"));
        assertEquals(Boolean.TRUE, stored(store, "shipment.out_for_delivery", "sms"));
        assertEquals(Boolean.FALSE, stored(store, "shipment.out_for_delivery", "whatsapp"));
        assertEquals(Boolean.TRUE, stored(store, "shipment.delivered", "whatsapp"));
        assertEquals(Boolean.FALSE, stored(store, "shipment.out_for_delivery", "email"));
        assertEquals(63, dsl.fetchCount(NOTIFICATION_TRIGGERS, NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(store)), "21 moments (10 of a parcel, 11 of a return) × 3 channels");

        assertEquals(0, dsl.fetchCount(NOTIFICATION_TRIGGERS, NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(other)));
        String theirs = signedIn("owner@quay.example").get(PAGE).body();
        assertFalse(ticked(theirs, "out_for_delivery", "sms"), "the other store's texts stay off");
        assertTrue(ticked(theirs, "out_for_delivery", "email"));
    }

    @Test
    void a_new_store_sees_every_email_on_but_in_transit_updates_each_box_with_its_own_label() {
        HttpResponse<String> page = signedIn("admin@harbour.example").get(PAGE);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(ticked(html, "out_for_delivery"), html);
        assertTrue(ticked(html, "delivered"));
        assertFalse(ticked(html, "in_transit"), "in-transit updates start off");
        assertTrue(html.contains("<label class=\"switch\" for=\"on-out_for_delivery-email\">"), "every box has its label");
        assertTrue(html.contains("Out for delivery by email"));
        assertTrue(html.contains("href=\"/admin/settings/notifications\" aria-current=\"page\""), "the navigation shows where we are");
    }

    @Test
    void saving_the_matrix_redirects_shows_what_is_saved_and_leaves_another_store_untouched() {
        AdminClient owner = signedIn("owner@harbour.example");
        HttpResponse<String> saved = save(owner, "shipment.in_transit:email", "shipment.delivered:email");
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertEquals(PAGE, location);

        String html = owner.get(location).body();
        assertTrue(html.contains("Saved: customers hear about 2 of 21 moments from now on."), html);
        assertTrue(ticked(html, "in_transit"));
        assertFalse(ticked(html, "out_for_delivery"));
        assertEquals(Boolean.FALSE, stored(store, "shipment.out_for_delivery"));
        assertEquals(Boolean.TRUE, stored(store, "shipment.in_transit"));
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.MERCHANT_ID.eq(store).and(AUDIT_LOG.ACTION.eq("notification_triggers.changed"))));

        assertEquals(null, stored(other, "shipment.out_for_delivery"), "the other store still has its defaults");
        assertTrue(ticked(signedIn("owner@quay.example").get(PAGE).body(), "out_for_delivery"));
    }

    @Test
    void a_box_that_names_no_known_message_is_a_form_error_and_nothing_is_saved() {
        AdminClient admin = signedIn("admin@harbour.example");
        for (String bad : List.of("shipment.teleported:email", "shipment.delivered:pigeon", "delivered", "<script>:email")) {
            HttpResponse<String> response = save(admin, "shipment.delivered:email", bad);
            assertEquals(422, response.statusCode(), bad);
            assertTrue(response.body().contains("One of the boxes sent is not a message Landfall sends."), response.body());
            assertTrue(ticked(response.body(), "delivered"), "the form keeps what was ticked");
            assertFalse(response.body().contains("<script>:"), "nothing sent comes back unescaped");
        }
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TRIGGERS));
    }

    @Test
    void support_cannot_see_or_change_the_settings_and_a_form_without_its_token_is_refused() {
        AdminClient support = signedIn("support@harbour.example");
        assertEquals(403, support.get(PAGE).statusCode());
        assertEquals(403, support.submitRaw("/admin", PAGE, Map.of(), "&on=shipment.delivered%3Aemail").statusCode());
        assertFalse(support.get("/admin").body().contains("href=\"/admin/settings/notifications\""), "nor is it in their navigation");

        AdminClient owner = signedIn("owner@harbour.example");
        assertEquals(403, owner.post(PAGE, Map.of("on", "shipment.delivered:email")).statusCode(), "no CSRF token");
        assertEquals(403, owner.post(PAGE, Map.of("_csrf", "forged", "on", "shipment.delivered:email")).statusCode());
        assertEquals(303, new AdminClient(landfall.baseUrl()).get(PAGE).statusCode(), "signed out: to the sign-in page");
        assertEquals(0, dsl.fetchCount(NOTIFICATION_TRIGGERS));
    }

    private static final String TIMING = PAGE + "/timing";

    private static HttpResponse<String> saveTiming(AdminClient client, String start, String end, String review, String days,
            String... exempt) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("quiet_hours", "on", "quiet_start", start, "quiet_end", end,
                "review_days", days));
        if (review != null) {
            fields.put("review", review);
        }
        StringBuilder extra = new StringBuilder();
        for (String e : exempt) {
            extra.append("&exempt=").append(java.net.URLEncoder.encode(e, java.nio.charset.StandardCharsets.UTF_8));
        }
        return client.submitRaw(PAGE, TIMING, fields, extra.toString());
    }

    @Test
    void return_moments_have_their_own_rows_email_on_and_texts_off() {
        String html = signedIn("owner@harbour.example").get(PAGE).body();
        assertTrue(html.contains("When shoppers hear about their return"), html);
        for (String moment : List.of("needs_review", "approved", "expiring_soon", "refunded")) {
            assertTrue(html.matches("(?s).*id=\"on-return-" + moment + "-email\" value=\"return\\." + moment
                    + ":email\" checked=\"checked\">.*"), moment + " by email starts on");
            assertTrue(html.contains("id=\"on-return-" + moment + "-sms\" value=\"return." + moment + ":sms\">"), moment
                    + " by SMS starts off");
        }
        assertTrue(html.contains("Return Needs review by SMS"), "each box has a label that needs no script");
    }

    @Test
    void the_timing_form_shows_the_defaults_and_saves_quiet_hours_and_review_days_for_this_store_only() {
        AdminClient owner = signedIn("owner@harbour.example");
        String html = owner.get(PAGE).body();
        assertTrue(html.contains("id=\"quiet_start\" name=\"quiet_start\" type=\"time\" value=\"21:00\""), html);
        assertTrue(html.contains("id=\"quiet_end\" name=\"quiet_end\" type=\"time\" value=\"08:00\""));
        assertTrue(html.contains("value=\"shipment.out_for_delivery\" checked=\"checked\""), "urgent moments are exempt by default");
        assertTrue(html.contains("value=\"7\""), "review requests after 7 days by default");

        HttpResponse<String> saved = saveTiming(owner, "22:30", "07:00", "on", "3", "shipment.failed_attempt");
        assertEquals(303, saved.statusCode(), saved.body());
        String after = owner.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("Saved: quiet hours 22:30–07:00 in each customer&#39;s time zone; review requests 3 days after delivery."),
                after);
        NotificationTiming.Timing timing = NotificationTiming.of(dsl, store);
        assertEquals(new QuietHours(true, java.time.LocalTime.of(22, 30), java.time.LocalTime.of(7, 0)), timing.quiet());
        assertEquals(java.util.Set.of("shipment.failed_attempt"), timing.exempt());
        assertEquals(3, timing.reviewAfterDays());
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.MERCHANT_ID.eq(store).and(AUDIT_LOG.ACTION.eq("notification_timing.changed"))));
        assertEquals(NotificationTiming.Timing.DEFAULT, NotificationTiming.of(dsl, other), "the other store keeps its defaults");

        assertEquals(303, saveTiming(owner, "21:00", "08:00", null, "").statusCode(), "review requests off need no days");
        assertEquals(null, NotificationTiming.of(dsl, store).reviewAfterDays());
    }

    @Test
    void bad_times_and_days_outside_0_to_30_are_form_errors_with_what_was_typed_kept_and_nothing_saved() {
        AdminClient admin = signedIn("admin@harbour.example");
        HttpResponse<String> badTime = saveTiming(admin, "25:00", "08:00", "on", "7");
        assertEquals(422, badTime.statusCode());
        assertTrue(badTime.body().contains("Enter the start of quiet hours as a time of day, like 21:00."), badTime.body());
        assertTrue(badTime.body().contains("value=\"25:00\""), "what was typed is kept");
        assertTrue(badTime.body().contains("aria-describedby=\"quiet_start-error\""));

        HttpResponse<String> same = saveTiming(admin, "21:00", "21:00", "on", "7");
        assertTrue(same.body().contains("Quiet hours must end at another time than they start."), same.body());

        for (String days : List.of("31", "-1", "seven", "<b>")) {
            HttpResponse<String> response = saveTiming(admin, "21:00", "08:00", "on", days);
            assertEquals(422, response.statusCode(), days);
            assertTrue(response.body().contains("Enter a whole number of days from 0 to 30."), days);
            assertFalse(response.body().contains("<b>\""), "escaped");
        }
        HttpResponse<String> foreign = saveTiming(admin, "21:00", "08:00", "on", "7", "admin.password_reset");
        assertEquals(422, foreign.statusCode());
        assertEquals(0, dsl.fetchCount(app.landfall.db.schema.Tables.NOTIFICATION_TIMING), "nothing was saved");

        AdminClient support = signedIn("support@harbour.example");
        assertEquals(403, support.submitRaw("/admin", TIMING, Map.of("quiet_start", "21:00", "quiet_end", "08:00"), "").statusCode());
        assertEquals(403, signedIn("owner@harbour.example").post(TIMING, Map.of("quiet_start", "21:00")).statusCode(), "no CSRF token");
        assertEquals(0, dsl.fetchCount(app.landfall.db.schema.Tables.NOTIFICATION_TIMING));
    }
}
