package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /r/{token}: the shopper's page of a return, its QR code and papers, and cancelling. */
class ReturnPagesIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Landfall landfall;
    private static DSLContext dsl;
    private static ReturnSubmissions submissions;
    private static long merchant;
    private static long reason;
    private static int orders;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        submissions = new ReturnSubmissions(dsl, Clock.systemUTC(), new RmaNumbers(), 4);
        merchant = TestMerchants.create(dsl, "trailhead");
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, merchant).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.RETURN_TO_NAME, "Trailhead Returns")
                .set(RETURN_POLICIES.RETURN_TO_LINE1, "400 Warehouse Way").set(RETURN_POLICIES.RETURN_TO_CITY, "Portland")
                .set(RETURN_POLICIES.RETURN_TO_REGION, "OR").set(RETURN_POLICIES.RETURN_TO_POSTAL_CODE, "97201")
                .set(RETURN_POLICIES.RETURN_TO_COUNTRY, "US").execute();
        reason = dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, merchant).set(RETURN_REASONS.CODE, "too_small")
                .set(RETURN_REASONS.LABEL, "Too small").returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static ReturnSubmissions.Created aReturn(Method method) {
        var order = TestOrders.delivered(dsl, merchant, "TH-" + (++orders), OffsetDateTime.now());
        return submissions.submit(merchant, order.orderId(), new ReturnSubmissions.Submission(Tokens.newToken().substring(0, 24),
                List.of(new ReturnSubmissions.Line(order.itemId(), 1, reason, null, List.of(), null)), Resolution.REFUND, method, null))
                .orElseThrow().created();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String html(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode(), path);
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void an_approved_drop_off_return_shows_a_qr_code_that_decodes_to_its_drop_off_code() throws Exception {
        var created = aReturn(Method.QR_DROPOFF);
        String code = dsl.select(RETURNS.DROPOFF_CODE).from(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle().value1();
        String page = html("/r/" + created.publicToken());
        assertTrue(page.contains(created.rma()), page);
        assertTrue(page.contains(code));
        assertTrue(page.contains("/r/" + created.publicToken() + "/qr.svg"));
        assertFalse(page.contains("/packing-slip.pdf"), "a drop-off needs no box and no papers");
        assertEquals(404, get("/r/" + created.publicToken() + "/packing-slip.pdf").statusCode());
        assertTrue(page.contains("Approved"));
        assertTrue(page.contains("$40.00"), "the amounts in the order's currency");

        HttpResponse<byte[]> svg = get("/r/" + created.publicToken() + "/qr.svg");
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(code, ReturnDocumentsTest.decodeSvg(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("private, no-store", svg.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void a_printable_label_return_serves_a_label_and_a_packing_slip_that_parse() throws Exception {
        var created = aReturn(Method.PRINTABLE_LABEL);
        String page = html("/r/" + created.publicToken());
        assertTrue(page.contains("/label.pdf") && page.contains("/packing-slip.pdf"));
        HttpResponse<byte[]> label = get("/r/" + created.publicToken() + "/label.pdf");
        assertEquals("application/pdf", label.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument doc = Loader.loadPDF(label.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(created.rma()), text);
            assertTrue(text.contains("Trailhead Returns") && text.contains("400 Warehouse Way") && text.contains("Portland, OR 97201"), text);
            assertTrue(text.contains("Zoë Müller") && text.contains("12 Elm Street"), text);
        }
        try (PDDocument doc = Loader.loadPDF(get("/r/" + created.publicToken() + "/packing-slip.pdf").body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Rain jacket") && text.contains("Too small"), text);
        }
        assertEquals(404, get("/r/" + created.publicToken() + "/qr.svg").statusCode(), "no drop-off code for a printed label");
    }

    @Test
    void the_shopper_cancels_with_the_form_and_then_the_papers_are_gone() throws Exception {
        var created = aReturn(Method.QR_DROPOFF);
        String page = html("/r/" + created.publicToken());
        assertTrue(page.contains("href=\"/r/" + created.publicToken() + "/cancel\""), "cancelling starts with a question, not a form");
        assertEquals(404, get("/r/" + created.publicToken() + "/label.pdf").statusCode(), "a QR drop-off is never offered a label");
        String confirm = html("/r/" + created.publicToken() + "/cancel");
        assertTrue(confirm.contains("Cancel this return?") && confirm.contains("Yes, cancel the return")
                && confirm.contains("No, keep my return") && confirm.contains("nothing is refunded"), confirm);
        assertFalse(confirm.contains("confirm("), "never a browser dialog");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(confirm);
        assertTrue(csrf.find(), "a cancel form with its CSRF token");
        HttpRequest noToken = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/r/" + created.publicToken() + "/cancel"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build();
        assertEquals(403, CLIENT.send(noToken, HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpRequest cancel = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/r/" + created.publicToken() + "/cancel"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lf_csrf=" + csrf.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))).build();
        HttpResponse<Void> redirected = CLIENT.send(cancel, HttpResponse.BodyHandlers.discarding());
        assertEquals(303, redirected.statusCode());
        assertEquals("cancelled", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(created.id())).fetchSingle().value1());
        String after = html(redirected.headers().firstValue("Location").orElseThrow());
        assertTrue(after.contains("Your return is cancelled."), after);
        assertTrue(after.contains("step ended cancelled"), "the progress ends in the cancelled tone, not the success colour");
        assertEquals(303, get("/r/" + created.publicToken() + "/cancel").statusCode(), "nothing left to confirm");
        assertFalse(after.contains("/cancel\""), "no cancel button any more");
        assertEquals(404, get("/r/" + created.publicToken() + "/qr.svg").statusCode());
        assertEquals(404, get("/r/" + created.publicToken() + "/packing-slip.pdf").statusCode());
    }

    @Test
    void an_unknown_or_malformed_token_is_a_404() throws Exception {
        assertEquals(404, get("/r/" + Tokens.newToken()).statusCode());
        assertEquals(404, get("/r/short").statusCode());
        assertEquals(404, get("/r/" + Tokens.newToken() + "/label.pdf").statusCode());
    }
}
