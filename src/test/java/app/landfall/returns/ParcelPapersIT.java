package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.AdminClient;
import app.landfall.testing.Http;
import app.landfall.testing.QrDecoding;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A parcel's return QR code and packing slip, a day's slips and the store's returns QR code, from the API and the admin. */
class ParcelPapersIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static String key;
    private static long parcel;
    private static long germanParcel;
    private static long returnParcel;
    private static long otherStoresParcel;
    private static AdminClient admin;
    private static Http api;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        long alpha = TestMerchants.create(dsl, "alpha");
        long bravo = TestMerchants.create(dsl, "bravo");
        dsl.update(MERCHANTS).set(MERCHANTS.TIMEZONE, "America/Los_Angeles").where(MERCHANTS.ID.eq(alpha)).execute();
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, alpha).set(MERCHANT_USERS.EMAIL, "support@alpha.example")
                .set(MERCHANT_USERS.NAME, "Support").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "admin").execute();
        OffsetDateTime now = OffsetDateTime.now();
        parcel = shipmentOf(TestOrders.delivered(dsl, alpha, "A-1001", now).orderId());
        long german = TestOrders.delivered(dsl, alpha, "A-1002", now).orderId();
        dsl.update(ORDERS).set(ORDERS.LANGUAGE, "de").where(ORDERS.ID.eq(german)).execute();
        germanParcel = shipmentOf(german);
        returnParcel = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, alpha).set(SHIPMENTS.ORDER_ID, german)
                .set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1ZRETURN1").set(SHIPMENTS.DIRECTION, "return")
                .set(SHIPMENTS.STATUS, "InTransit").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        otherStoresParcel = shipmentOf(TestOrders.delivered(dsl, bravo, "B-1001", now).orderId());
        // on 7 December in Los Angeles: the parcel (00:30) and the German one (23:59); before and after it, and a return, not
        created(parcel, "2026-12-07T08:30:00Z");
        created(germanParcel, "2026-12-08T07:59:00Z");
        created(returnParcel, "2026-12-07T12:00:00Z");
        created(otherStoresParcel, "2026-12-07T12:00:00Z");
        created(shipmentOf(TestOrders.delivered(dsl, alpha, "A-1003", now).orderId()), "2026-12-07T07:59:00Z");
        created(shipmentOf(TestOrders.delivered(dsl, alpha, "A-1004", now).orderId()), "2026-12-08T08:00:00Z");
        key = new ApiKeys(dsl).create(alpha, "test");
        api = new Http(landfall.baseUrl());
        admin = new AdminClient(landfall.baseUrl());
        assertEquals(303, admin.signIn("support@alpha.example", PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static long shipmentOf(long order) {
        return dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(order)).fetchSingle(SHIPMENTS.ID);
    }

    private static void created(long shipment, String at) {
        dsl.update(SHIPMENTS).set(SHIPMENTS.CREATED_AT, OffsetDateTime.parse(at)).where(SHIPMENTS.ID.eq(shipment)).execute();
    }

    private static String returnStartUrl(long shipment) {
        return Http.json(api.get("/api/v1/shipments/" + shipment, key)).get("return_start_url").asText();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static int pages(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void the_api_serves_the_qr_code_of_the_return_start_url_as_svg_png_and_on_the_packing_slip() throws Exception {
        String url = returnStartUrl(parcel);
        assertTrue(url.endsWith("/return"), url);
        HttpResponse<byte[]> svg = api.getBytes("/api/v1/shipments/" + parcel + "/return-qr.svg", key);
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
        assertEquals(url, QrDecoding.fromSvg(new String(svg.body(), StandardCharsets.UTF_8)));
        HttpResponse<byte[]> png = api.getBytes("/api/v1/shipments/" + parcel + "/return-qr.png", key);
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(url, QrDecoding.fromPng(png.body()));
        HttpResponse<byte[]> slip = api.getBytes("/api/v1/shipments/" + parcel + "/packing-slip.pdf", key);
        assertEquals("application/pdf", slip.headers().firstValue("Content-Type").orElse(""));
        assertEquals(url, QrDecoding.fromPdf(slip.body(), 0));
        String text = text(slip.body());
        assertTrue(text.contains("Order A-1001"), text);
        assertTrue(text.contains("Rain jacket JKT-M 2"), text);
        assertTrue(text.contains("You can return items within 30 days of delivery."), text);
        assertTrue(text.contains("Springfield, OR 97477"), text);
    }

    @Test
    void a_german_orders_slip_speaks_german() throws Exception {
        byte[] slip = api.getBytes("/api/v1/shipments/" + germanParcel + "/packing-slip.pdf", key).body();
        String text = text(slip);
        assertTrue(text.contains("LIEFERSCHEIN"), text);
        assertTrue(text.contains("Bestellung A-1002"), text);
        assertTrue(text.contains("Sie können Artikel innerhalb von 30 Tagen nach der Zustellung zurücksenden."), text);
        assertTrue(text.contains("Scannen, um eine Rücksendung zu starten"), text);
        assertFalse(text.contains("Packing slip"), text);
        assertEquals(returnStartUrl(germanParcel), QrDecoding.fromPdf(slip, 0));
    }

    @Test
    void another_stores_or_an_unknown_shipment_is_a_404_problem_and_a_return_parcel_a_409() {
        for (String file : new String[] {"return-qr.svg", "return-qr.png", "packing-slip.pdf"}) {
            Http.assertProblem(api.get("/api/v1/shipments/" + otherStoresParcel + "/" + file, key), 404, null);
            Http.assertProblem(api.get("/api/v1/shipments/999999/" + file, key), 404, null);
            var refused = api.get("/api/v1/shipments/" + returnParcel + "/" + file, key);
            Http.assertProblem(refused, 409, null);
            assertTrue(refused.body().contains("is a return parcel: it has no return_start_url"), refused.body());
            assertEquals(401, api.get("/api/v1/shipments/" + parcel + "/" + file, null).statusCode());
        }
    }

    @Test
    void the_shipment_page_shows_the_qr_code_with_its_downloads_which_open_the_return() {
        String page = admin.get("/admin/shipments/" + parcel).body();
        assertTrue(page.contains("Return QR code"), page);
        assertTrue(page.contains("/admin/shipments/" + parcel + "/packing-slip.pdf"), page);
        assertTrue(page.contains("/admin/shipments/" + parcel + "/return-qr.png"), page);
        String url = returnStartUrl(parcel);
        assertEquals(url, QrDecoding.fromSvg(new String(admin.getBytes("/admin/shipments/" + parcel + "/return-qr.svg").body(),
                StandardCharsets.UTF_8)));
        assertEquals(url, QrDecoding.fromPng(admin.getBytes("/admin/shipments/" + parcel + "/return-qr.png").body()));
        assertEquals(url, QrDecoding.fromPdf(admin.getBytes("/admin/shipments/" + parcel + "/packing-slip.pdf").body(), 0));
        assertFalse(admin.get("/admin/shipments/" + returnParcel).body().contains("Return QR code"));
    }

    @Test
    void in_the_admin_another_stores_parcel_and_a_return_parcel_have_no_papers() {
        for (String file : new String[] {"return-qr.svg", "return-qr.png", "packing-slip.pdf"}) {
            assertEquals(404, admin.get("/admin/shipments/" + otherStoresParcel + "/" + file).statusCode(), file);
            assertEquals(404, admin.get("/admin/shipments/" + returnParcel + "/" + file).statusCode(), file);
        }
    }

    @Test
    void a_days_slips_are_the_outbound_parcels_created_that_day_in_the_stores_time_zone_one_page_each() throws Exception {
        HttpResponse<byte[]> day = admin.getBytes("/admin/shipments/packing-slips.pdf?date=2026-12-07");
        assertEquals(200, day.statusCode());
        assertEquals("application/pdf", day.headers().firstValue("Content-Type").orElse(""));
        assertEquals(2, pages(day.body()));
        String text = text(day.body());
        assertTrue(text.contains("Order A-1001") && text.contains("Bestellung A-1002"), text);
        assertFalse(text.contains("A-1003") || text.contains("A-1004") || text.contains("B-1001"), text);
        assertEquals(returnStartUrl(germanParcel), QrDecoding.fromPdf(day.body(), 1));
    }

    @Test
    void a_day_without_parcels_or_a_date_that_is_not_one_gets_a_message_not_an_empty_pdf() {
        var none = admin.get("/admin/shipments/packing-slips.pdf?date=2026-11-01");
        assertEquals(200, none.statusCode());
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(none.body().contains("No outbound parcels were created on Sun 1 Nov 2026: there is nothing to print."), none.body());
        var wrong = admin.get("/admin/shipments/packing-slips.pdf?date=7.12.2026");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("Enter a date like 2026-12-07."), wrong.body());
        assertTrue(wrong.body().contains("value=\"7.12.2026\""), wrong.body());
        assertTrue(admin.get("/admin/shipments").body().contains("action=\"/admin/shipments/packing-slips.pdf\""));
    }

    @Test
    void more_parcels_than_one_pdf_holds_are_offered_in_parts() throws Exception {
        long merchant = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("alpha")).fetchSingle(MERCHANTS.ID);
        var insert = dsl.insertInto(SHIPMENTS, SHIPMENTS.MERCHANT_ID, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS,
                SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.CREATED_AT);
        for (int i = 0; i <= ParcelPapers.DAY_LIMIT; i++) {
            insert = insert.values(merchant, "ups", "1ZBULK" + i, "Pending", Tokens.newToken(), OffsetDateTime.parse("2026-10-05T18:00:00Z"));
        }
        insert.execute();
        var page = admin.get("/admin/shipments/packing-slips.pdf?date=2026-10-05");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("201 outbound parcels were created on Mon 5 Oct 2026: more than 200 in one PDF"), page.body());
        assertTrue(page.body().contains("Parcels 1 to 200 (PDF)") && page.body().contains("Parcels 201 to 201 (PDF)"), page.body());
        assertEquals(1, pages(admin.getBytes("/admin/shipments/packing-slips.pdf?date=2026-10-05&part=2").body()));
    }

    @Test
    void the_store_qr_code_opens_the_stores_returns_page_as_svg_png_and_printed_sign() throws Exception {
        String url = landfall.baseUrl() + "/alpha/returns";
        String settings = admin.get("/admin/settings/returns").body();
        assertTrue(settings.contains("Returns QR code") && settings.contains("/admin/settings/returns/qr-sign.pdf"), settings);
        assertEquals(url, QrDecoding.fromSvg(new String(admin.getBytes("/admin/settings/returns/qr.svg").body(), StandardCharsets.UTF_8)));
        assertEquals(url, QrDecoding.fromPng(admin.getBytes("/admin/settings/returns/qr.png").body()));
        byte[] sign = admin.getBytes("/admin/settings/returns/qr-sign.pdf").body();
        assertEquals(url, QrDecoding.fromPdf(sign, 0));
        assertTrue(text(sign).contains("Alpha Returns Scan the code with your phone camera to start a return."), text(sign));
    }
}
