package app.landfall.admin;

import static app.landfall.db.schema.Tables.API_KEYS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;
import static app.landfall.db.schema.Tables.STORE_LOCATIONS;
import static app.landfall.db.schema.Tables.WEBHOOK_ENDPOINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Forms sent with fields missing (a hand-made request, an old page): a form error or a 4xx, never a 500. */
class AdminFormsIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Map<String, String> BRAND = Map.of("primary", "#2f5d50", "accent", "#b35900", "background", "#ffffff",
            "text", "#1a1a1a", "font", "serif", "language", "en", "default_language", "en");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static AdminClient owner;
    /** What stands for each path parameter: ids of the signed-in merchant's own rows. */
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        long merchant = TestMerchants.create(dsl, "shop");
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "owner@shop.example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
        long support = dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "support@shop.example")
                .set(MERCHANT_USERS.NAME, "Support").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "support").returning(MERCHANT_USERS.ID).fetchSingle(MERCHANT_USERS.ID);
        var order = TestOrders.delivered(dsl, merchant, "A-1001", OffsetDateTime.now());
        long returnId = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, merchant).set(RETURNS.RMA_NUMBER, "R-AAAAAA")
                .set(RETURNS.ORDER_ID, order.orderId()).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken()).returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, merchant).set(RETURN_ITEMS.RETURN_ID, returnId)
                .set(RETURN_ITEMS.ORDER_ITEM_ID, order.itemId()).set(RETURN_ITEMS.QUANTITY, 1).execute();
        long reason = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, merchant).set(RETURN_REASONS.CODE, "too_small")
                .set(RETURN_REASONS.LABEL, "Too small").returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
        long policy = dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, merchant).set(RETURN_POLICIES.NAME, "Default")
                .returning(RETURN_POLICIES.ID).fetchSingle(RETURN_POLICIES.ID);
        var o = RETURN_WINDOW_OVERRIDES;
        long override = dsl.insertInto(o).set(o.MERCHANT_ID, merchant).set(o.POLICY_ID, policy).set(o.KIND, "tag").set(o.VALUE, "sale")
                .set(o.WINDOW_DAYS, 7).returning(o.ID).fetchSingle(o.ID);
        var l = STORE_LOCATIONS;
        long location = dsl.insertInto(l).set(l.MERCHANT_ID, merchant).set(l.NAME, "Shop").set(l.ADDRESS_LINE1, "1 Road")
                .set(l.CITY, "Town").set(l.COUNTRY, "US").returning(l.ID).fetchSingle(l.ID);
        var e = WEBHOOK_ENDPOINTS;
        long endpoint = dsl.insertInto(e).set(e.MERCHANT_ID, merchant).set(e.URL, "https://shop.example/hooks")
                .set(e.SECRET, "whsec_" + Tokens.newToken()).returning(e.ID).fetchSingle(e.ID);
        new ApiKeys(dsl).create(merchant, "test");
        long key = dsl.select(API_KEYS.ID).from(API_KEYS).where(API_KEYS.MERCHANT_ID.eq(merchant)).fetchSingle(API_KEYS.ID);
        IDS.put("/admin/returns/{id}", String.valueOf(returnId));
        IDS.put("/r/{token}", dsl.select(RETURNS.PUBLIC_TOKEN).from(RETURNS).where(RETURNS.ID.eq(returnId)).fetchSingle(RETURNS.PUBLIC_TOKEN));
        IDS.put("/admin/team/{id}", String.valueOf(support));
        IDS.put("/admin/settings/returns/reasons/{id}", String.valueOf(reason));
        IDS.put("/admin/settings/returns/overrides/{id}", String.valueOf(override));
        IDS.put("/admin/settings/returns/locations/{id}", String.valueOf(location));
        IDS.put("/admin/integrations/endpoints/{id}", String.valueOf(endpoint));
        IDS.put("/admin/integrations/api-keys/{id}", String.valueOf(key));
        IDS.put("/admin/messages/{id}", String.valueOf(app.landfall.testing.TestMessages.rendered(landfall, merchant)));
        IDS.put("{provider}", "aftership");
        IDS.put("{trigger}", "shipment.out_for_delivery");
        IDS.put("{language}", "en");
        IDS.put("{token}", Tokens.newToken());
        owner = new AdminClient(landfall.baseUrl());
        assertEquals(303, owner.signIn("owner@shop.example", PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary", "accent", "background", "text", "font"})
    void a_branding_form_without_one_of_its_fields_is_shown_again_with_the_error(String missing) {
        Map<String, String> form = new LinkedHashMap<>(BRAND);
        form.remove(missing);
        HttpResponse<String> saved = owner.submit("/admin/branding", "/admin/branding", form);
        assertEquals(422, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains(missing.equals("font") ? "Choose one of the fonts listed." : "Use a colour like #2f5d50."),
                saved.body());
        HttpResponse<String> preview = owner.submit("/admin/branding", "/admin/branding/preview", form);
        assertEquals(200, preview.statusCode(), preview.body());
        HttpResponse<String> css = owner.get("/admin/branding/preview.css?" + String.join("&", form.entrySet().stream()
                .map(f -> f.getKey() + "=" + java.net.URLEncoder.encode(f.getValue(), java.nio.charset.StandardCharsets.UTF_8)).toList()));
        assertEquals(200, css.statusCode(), css.body());
        assertTrue(css.body().contains(".brand-preview"), css.body());
    }

    @Test
    void the_preview_stylesheet_without_any_parameter_is_the_default_palette() {
        HttpResponse<String> css = owner.get("/admin/branding/preview.css");
        assertEquals(200, css.statusCode(), css.body());
        assertTrue(css.body().contains(".brand-preview"), css.body());
    }

    /** Every POST under /admin in Routes.java, sent with its CSRF token and nothing else. */
    @Test
    void every_admin_form_posted_empty_gets_an_answer_that_is_not_a_500() throws Exception {
        String routes = Files.readString(Path.of("src/main/java/app/landfall/Routes.java"));
        Matcher declared = Pattern.compile("routes\\.post\\(\"(/admin[^\"]*)\"").matcher(routes);
        List<String> failed = new ArrayList<>();
        int tried = 0;
        while (declared.find()) {
            String path = declared.group(1);
            for (var id : IDS.entrySet()) {
                path = path.replace(id.getKey(), id.getKey().startsWith("/") ? id.getKey().replace("{id}", id.getValue()) : id.getValue());
            }
            assertTrue(!path.contains("{"), "a path parameter without a value in IDS: " + path);
            if (path.equals("/admin/logout")) {
                continue; // signs the test's client out; it takes no fields
            }
            HttpResponse<String> response = owner.submit("/admin/branding", path, Map.of());
            tried++;
            if (response.statusCode() >= 500) {
                failed.add(path + " -> " + response.statusCode());
            }
        }
        assertTrue(tried > 30, "found the routes: " + tried);
        assertEquals(List.of(), failed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "-0001-01-01", "+10000-01-01", "+999999999-12-31"})
    void the_returns_queue_filtered_by_a_date_far_outside_the_accepted_ones_is_not_a_500(String date) {
        String encoded = java.net.URLEncoder.encode(date, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = owner.get("/admin/returns?from=" + encoded + "&to=" + encoded);
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The shoppers' forms in Routes.java (on the store's path), sent with the CSRF token and nothing else. */
    @Test
    void every_public_form_posted_empty_gets_an_answer_that_is_not_a_500() throws Exception {
        String routes = Files.readString(Path.of("src/main/java/app/landfall/Routes.java"));
        Matcher declared = Pattern.compile("routes\\.post\\(\"(/(?:\\{merchant\\}|r)/[^\"]*)\"").matcher(routes);
        List<String> failed = new ArrayList<>();
        int tried = 0;
        while (declared.find()) {
            String path = declared.group(1).replace("{merchant}", "shop").replace("{link}", "not-a-signed-link")
                    .replace("/r/{token}", "/r/" + IDS.get("/r/{token}"));
            HttpResponse<String> response = new AdminClient(landfall.baseUrl()).submit("/shop/track", path, Map.of());
            tried++;
            if (response.statusCode() >= 500) {
                failed.add(path + " -> " + response.statusCode());
            }
        }
        assertTrue(tried >= 4, "found the routes: " + tried);
        assertEquals(List.of(), failed);
    }
}
