package app.landfall.returns;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.STORE_LOCATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /r/{token} of a return brought to a shop: the merchant's own active shops, or whom to ask when it has none. */
class ReturnStoresIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Landfall landfall;
    private static DSLContext dsl;
    private static ReturnSubmissions submissions;
    private static long shops;
    private static long rival;
    private static long noShops;
    private static int orders;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        submissions = new ReturnSubmissions(dsl, Clock.systemUTC(), new RmaNumbers(), 4);
        shops = merchant("shops");
        rival = merchant("rival");
        noShops = merchant("noshops");
        location(shops, "Harbour Street shop", "4 Harbour Street", "Mon–Fri 10:00–18:00\nSat 10:00–16:00", 2, true);
        location(shops, "Old Town shop", "1 Market Square", null, 1, true);
        location(shops, "Closed shop", "9 Gone Lane", null, 0, false);
        location(rival, "Rival flagship", "77 Elsewhere Road", "Daily", 0, true);
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, shops).set(BRANDS.NAME, "Shops").set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.LANGUAGES, new String[] {"en", "de"}).execute();
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, noShops).set(BRANDS.NAME, "Noshops").set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.SUPPORT_EMAIL, "help@noshops.example").set(BRANDS.SUPPORT_PHONE, "+44 20 7946 0000").execute();
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static long merchant(String slug) {
        long id = TestMerchants.create(dsl, slug);
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, id).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.METHODS, new String[] {"qr_dropoff", "in_store"}).execute();
        dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, id).set(RETURN_REASONS.CODE, "too_small")
                .set(RETURN_REASONS.LABEL, "Too small").execute();
        return id;
    }

    private static void location(long merchant, String name, String line1, String hours, int position, boolean active) {
        dsl.insertInto(STORE_LOCATIONS).set(STORE_LOCATIONS.MERCHANT_ID, merchant).set(STORE_LOCATIONS.NAME, name)
                .set(STORE_LOCATIONS.ADDRESS_LINE1, line1).set(STORE_LOCATIONS.CITY, "Bristol").set(STORE_LOCATIONS.POSTAL_CODE, "BS1 4DJ")
                .set(STORE_LOCATIONS.COUNTRY, "GB").set(STORE_LOCATIONS.OPENING_HOURS, hours).set(STORE_LOCATIONS.POSITION, position)
                .set(STORE_LOCATIONS.ACTIVE, active).execute();
    }

    private static String page(long merchant, Method method, String query) throws Exception {
        var order = TestOrders.delivered(dsl, merchant, "ST-" + (++orders), OffsetDateTime.now());
        long reason = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(merchant))
                .fetchSingle(RETURN_REASONS.ID);
        var created = submissions.submit(merchant, order.orderId(), new ReturnSubmissions.Submission(Tokens.newToken().substring(0, 24),
                List.of(new ReturnSubmissions.Line(order.itemId(), 1, reason, null, List.of(), null)), Resolution.REFUND, method, null))
                .orElseThrow().created();
        assertEquals(ReturnStatus.APPROVED, created.status());
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/r/" + created.publicToken() + query))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void an_in_store_return_lists_the_merchants_active_shops_in_order_with_addresses_and_hours() throws Exception {
        String page = page(shops, Method.IN_STORE, "");
        assertTrue(page.contains("Approved. Bring the items to a store as shown below."), page);
        assertTrue(page.contains("Bring the items to a store"), page);
        assertTrue(page.contains("Bring the items and your return number to one of the stores."), page);
        int oldTown = page.indexOf("<h3>Old Town shop</h3>");
        int harbour = page.indexOf("<h3>Harbour Street shop</h3>");
        assertTrue(oldTown > 0 && harbour > oldTown, "both shops as headings, in the merchant's order");
        assertTrue(page.contains("<address><span>4 Harbour Street</span><br><span>Bristol BS1 4DJ</span><br><span>United Kingdom</span></address>"),
                page);
        assertTrue(page.contains("<span>Mon–Fri 10:00–18:00</span><br><span>Sat 10:00–16:00</span>"), "hours line by line");
        assertFalse(page.contains("Closed shop"), "an inactive shop is not listed");
    }

    @Test
    void another_merchants_shops_never_appear() throws Exception {
        String page = page(shops, Method.IN_STORE, "");
        assertFalse(page.contains("Rival flagship") || page.contains("77 Elsewhere Road"), page);
        String theirs = page(rival, Method.IN_STORE, "");
        assertTrue(theirs.contains("Rival flagship"));
        assertFalse(theirs.contains("Harbour Street shop") || theirs.contains("Old Town shop"), theirs);
    }

    @Test
    void without_shops_the_page_says_to_contact_the_store_with_its_support_contacts() throws Exception {
        String page = page(noShops, Method.IN_STORE, "");
        assertTrue(page.contains("Contact the store to find out where to bring the items, and have your return number R-"), page);
        int section = page.indexOf("id=\"stores-heading\"");
        assertTrue(page.indexOf("mailto:help@noshops.example") > section && page.indexOf("tel:+442079460000") > section,
                "the brand's email and phone, in the section");
        assertFalse(page.contains("<address>"), page);
    }

    @Test
    void a_shipped_return_does_not_list_shops() throws Exception {
        String page = page(shops, Method.QR_DROPOFF, "");
        assertFalse(page.contains("stores-heading") || page.contains("Old Town shop"), page);
        assertTrue(page.contains("Approved. Send the items back as shown below."), page);
    }

    @Test
    void the_shop_list_is_translated() throws Exception {
        String page = page(shops, Method.IN_STORE, "?lang=de");
        assertTrue(page.contains("Artikel in einem Geschäft abgeben") && page.contains("Öffnungszeiten"), page);
        assertTrue(page.contains("<span>Vereinigtes Königreich</span>"), "the country in the page's language");
    }
}
