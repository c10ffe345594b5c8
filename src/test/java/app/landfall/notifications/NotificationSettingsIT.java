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
        return dsl.select(NOTIFICATION_TRIGGERS.ENABLED).from(NOTIFICATION_TRIGGERS).where(NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(merchant))
                .and(NOTIFICATION_TRIGGERS.TRIGGER.eq(trigger)).and(NOTIFICATION_TRIGGERS.CHANNEL.eq("email")).fetchOne(NOTIFICATION_TRIGGERS.ENABLED);
    }

    private static boolean ticked(String html, String trigger) {
        return html.matches("(?s).*<input type=\"checkbox\" name=\"on\" id=\"on-" + trigger + "-email\" value=\"shipment\\." + trigger
                + ":email\" checked=\"checked\">.*");
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
        assertTrue(location.startsWith(PAGE + "?notice="), location);

        String html = owner.get(location).body();
        assertTrue(html.contains("Saved: customers hear about 2 of 9 moments from now on."), html);
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
}
