package app.landfall;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_PHOTOS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.api.ApiKeys;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.AdminClient;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a browser or a proxy may keep: nothing that needed a session or an API key (a shared
 * computer's next user, after sign-out, must not find a shopper's photo or an API answer in its
 * cache), while public pages and files keep their caching.
 */
class PrivateResponsesIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern ADMIN_GET = Pattern.compile("routes\\.get\\(\"(/admin[^\"]*)\"");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long returnId;
    private static long photoId;
    private static long shipmentId;
    private static long messageId;
    private static String apiKey;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        long merchant = TestMerchants.create(dsl, "cachy");
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "owner@cachy.example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
        var order = TestOrders.delivered(dsl, merchant, "C-1001", OffsetDateTime.now());
        returnId = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, merchant).set(RETURNS.RMA_NUMBER, "R-CACHEY")
                .set(RETURNS.ORDER_ID, order.orderId()).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken()).returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        long item = dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, merchant).set(RETURN_ITEMS.RETURN_ID, returnId)
                .set(RETURN_ITEMS.ORDER_ITEM_ID, order.itemId()).set(RETURN_ITEMS.QUANTITY, 1)
                .returning(RETURN_ITEMS.ID).fetchSingle(RETURN_ITEMS.ID);
        photoId = dsl.insertInto(RETURN_PHOTOS).set(RETURN_PHOTOS.MERCHANT_ID, merchant).set(RETURN_PHOTOS.RETURN_ITEM_ID, item)
                .set(RETURN_PHOTOS.CONTENT_TYPE, "image/png").set(RETURN_PHOTOS.BODY, new byte[] {1, 2, 3})
                .set(RETURN_PHOTOS.WIDTH, 1).set(RETURN_PHOTOS.HEIGHT, 1)
                .returning(RETURN_PHOTOS.ID).fetchSingle(RETURN_PHOTOS.ID);
        shipmentId = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchant)).limit(1).fetchSingle(SHIPMENTS.ID);
        apiKey = new ApiKeys(dsl).create(merchant, "cache test");
        messageId = app.landfall.testing.TestMessages.rendered(landfall, merchant);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static void assertNotKept(HttpResponse<?> response, String what) {
        String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("no-store") && !cacheControl.contains("max-age"), what + ": Cache-Control " + cacheControl);
    }

    @Test
    void a_return_photo_in_the_admin_is_not_kept_after_sign_out() {
        AdminClient owner = new AdminClient(landfall.baseUrl());
        assertEquals(303, owner.signIn("owner@cachy.example", PASSWORD).statusCode());
        HttpResponse<String> photo = owner.get("/admin/returns/" + returnId + "/photos/" + photoId);
        assertEquals(200, photo.statusCode());
        assertNotKept(photo, "the photo");
    }

    /** Every GET under /admin in Routes.java, with this store's ids, so a new screen or download cannot be missed. */
    @Test
    void every_signed_in_admin_response_is_not_kept() throws IOException {
        AdminClient owner = new AdminClient(landfall.baseUrl());
        assertEquals(303, owner.signIn("owner@cachy.example", PASSWORD).statusCode());
        Matcher routes = ADMIN_GET.matcher(Files.readString(Path.of("src/main/java/app/landfall/Routes.java")));
        List<String> checked = new ArrayList<>();
        while (routes.find()) {
            String route = routes.group(1);
            String path = route.replace("/returns/{id}", "/returns/" + returnId).replace("{photo}", String.valueOf(photoId))
                    .replace("/shipments/{id}", "/shipments/" + shipmentId).replace("{token}", "not-a-token")
                    .replace("/messages/{id}", "/messages/" + messageId)
                    .replace("{trigger}/{language}", "shipment.out_for_delivery/en")
                    .replace("preview.css", "preview.css?primary=%23112233&accent=%23445566&background=%23ffffff&text=%23000000&font=system");
            assertTrue(!path.contains("{"), "a path parameter this test does not fill in yet: " + route);
            HttpResponse<String> response = owner.get(path);
            assertTrue(response.statusCode() < 500, route + " answered " + response.statusCode());
            assertNotKept(response, route);
            checked.add(route);
        }
        assertTrue(checked.size() >= 10, "the scan finds the admin routes: " + checked);
    }

    @Test
    void api_answers_are_not_kept_whether_they_succeed_or_not() {
        Http api = new Http(landfall.baseUrl());
        HttpResponse<String> list = api.get("/api/v1/shipments", apiKey);
        assertEquals(200, list.statusCode(), list.body());
        assertNotKept(list, "GET /api/v1/shipments");
        assertNotKept(api.get("/api/v1/shipments/" + shipmentId, apiKey), "GET /api/v1/shipments/{id}");
        HttpResponse<String> invalid = api.post("/api/v1/orders", apiKey, "{}");
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertNotKept(invalid, "a refused POST");
        assertNotKept(api.get("/api/v1/shipments", "lf_not-a-key"), "a 401");
    }

    @Test
    void public_files_keep_their_caching() {
        AdminClient visitor = new AdminClient(landfall.baseUrl());
        String login = visitor.get("/admin/login").body();
        Matcher file = Pattern.compile("src=\"(/static/[^\"]+)\"").matcher(login);
        assertTrue(file.find(), login);
        assertEquals("public, max-age=3600", visitor.get(file.group(1)).headers().firstValue("Cache-Control").orElse(""));
    }
}
