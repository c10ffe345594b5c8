package app.landfall.accounts;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.orders.OrderUpsert;
import app.landfall.orders.OrderWriter;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Store settings: only owners set the store's time zone and currency, and the admin follows at once. */
class StoreSettingsIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final TestClock CLOCK = new TestClock("2026-12-08T12:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;
    private static long other;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(), CLOCK);
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "shop");
        other = TestMerchants.create(dsl, "other");
        user(store, "owner@shop.example", "owner");
        user(store, "admin@shop.example", "admin");
        user(store, "support@shop.example", "support");
        user(other, "owner@other.example", "owner");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @ParameterizedTest
    @CsvSource({"admin@shop.example", "support@shop.example"})
    void only_owners_see_or_change_the_store_settings(String email) {
        AdminClient client = signedIn(email);
        assertEquals(403, client.get("/admin/settings/store").statusCode());
        String csrf = AdminClient.csrf(client.get("/admin/account").body());
        assertEquals(403, client.post("/admin/settings/store", Map.of("_csrf", csrf, "timezone", "Asia/Tokyo", "currency", "JPY")).statusCode());
        assertEquals("UTC", zone(store));
        assertTrue(!client.get("/admin").body().contains("href=\"/admin/settings/store\""), "no link to a page they cannot open");
    }

    @Test
    void the_owner_sees_the_current_zone_and_currency_chosen_and_grouped_by_region() {
        String page = signedIn("owner@shop.example").get("/admin/settings/store").body();
        assertTrue(page.contains("<option value=\"UTC\" selected=\"selected\">UTC (UTC)</option>"), page);
        assertTrue(page.contains("<optgroup label=\"Europe\">"));
        assertTrue(page.contains("<option value=\"Europe/Berlin\">Berlin (UTC+01:00)</option>"));
        assertTrue(page.contains("<option value=\"USD\" selected=\"selected\">USD – US Dollar</option>"));
    }

    @ParameterizedTest
    @CsvSource({
            "Mars/Olympus_Mons, EUR, timezone, Choose a time zone from the list.",
            "'', EUR, timezone, Choose the store&#39;s time zone.",
            "GMT+5, EUR, timezone, Choose a time zone from the list.",
            "Europe/Berlin, XYZ, currency, Choose a currency from the list.",
            "Europe/Berlin, eur, currency, Choose a currency from the list.",
            "Europe/Berlin, XAU, currency, Choose a currency from the list."})
    void a_zone_or_currency_not_in_the_lists_is_refused_with_the_answers_kept(String zone, String currency, String field, String error) {
        AdminClient owner = signedIn("owner@shop.example");
        HttpResponse<String> refused = owner.submit("/admin/settings/store", "/admin/settings/store", Map.of("timezone", zone, "currency", currency));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("<a href=\"#" + field + "\">" + error + "</a>"), refused.body());
        assertTrue(refused.body().contains("id=\"" + field + "-error\""));
        if (field.equals("currency")) {
            assertTrue(refused.body().contains("<option value=\"Europe/Berlin\" selected=\"selected\">"), "the zone chosen is kept");
        }
        assertEquals("UTC", zone(store));
    }

    @Test
    void a_new_zone_and_currency_are_saved_audited_and_every_admin_time_follows_at_once() {
        OffsetDateTime updated = OffsetDateTime.parse("2026-12-08T11:00:00Z");
        dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store).set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1ZZONE")
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken()).set(SHIPMENTS.UPDATED_AT, updated).execute();
        AdminClient owner = signedIn("owner@shop.example");
        assertTrue(owner.get("/admin/shipments").body().contains("Dec 8, 2026 11:00"), "in UTC before");
        HttpResponse<String> saved = owner.submit("/admin/settings/store", "/admin/settings/store",
                Map.of("timezone", "Asia/Tokyo", "currency", "JPY"));
        assertEquals(303, saved.statusCode(), saved.body());
        String page = owner.get("/admin/settings/store").body();
        assertTrue(page.contains("Store settings saved. Times in the admin are shown in Asia/Tokyo time"), page);
        assertTrue(page.contains("<option value=\"Asia/Tokyo\" selected=\"selected\">"));
        assertTrue(owner.get("/admin/shipments").body().contains("Dec 8, 2026 20:00"), "the same session shows Tokyo time at once");
        assertEquals("Asia/Tokyo", zone(store));
        assertEquals("UTC", zone(other), "another store is untouched");
        var audit = dsl.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.MERCHANT_ID.eq(store))
                .and(AUDIT_LOG.ACTION.eq("store.settings_changed")).fetchSingle(AUDIT_LOG.DETAILS).data();
        assertTrue(audit.contains("\"to\": \"Asia/Tokyo\"") && audit.contains("\"from\": \"USD\""), audit);
        // an order that arrives without a currency is in the store's
        long order = dsl.transactionResult(cfg -> new OrderWriter(CLOCK).upsert(org.jooq.impl.DSL.using(cfg), store,
                new OrderUpsert("NO-CURRENCY", null, null, "a@example.com", null, null, null, null, null, null, null, null, null, null, null)).id());
        assertEquals("JPY", dsl.select(ORDERS.CURRENCY).from(ORDERS).where(ORDERS.ID.eq(order)).fetchSingle(ORDERS.CURRENCY));
        long named = dsl.transactionResult(cfg -> new OrderWriter(CLOCK).upsert(org.jooq.impl.DSL.using(cfg), store,
                new OrderUpsert("IN-EUR", null, null, "a@example.com", null, null, null, null, "EUR", null, null, null, null, null, null)).id());
        assertEquals("EUR", dsl.select(ORDERS.CURRENCY).from(ORDERS).where(ORDERS.ID.eq(named)).fetchSingle(ORDERS.CURRENCY));
        // back to UTC for the other tests
        assertEquals(303, owner.submit("/admin/settings/store", "/admin/settings/store", Map.of("timezone", "UTC", "currency", "USD")).statusCode());
    }

    private static String zone(long merchant) {
        return dsl.select(MERCHANTS.TIMEZONE).from(MERCHANTS).where(MERCHANTS.ID.eq(merchant)).fetchSingle(MERCHANTS.TIMEZONE);
    }

    private static void user(long merchant, String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email).set(MERCHANT_USERS.NAME, role)
                .set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD)).set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }
}
