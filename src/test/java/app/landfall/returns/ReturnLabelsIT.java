package app.landfall.returns;

import static app.landfall.db.schema.Tables.CARRIER_ACCOUNTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_LABELS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.hooks.Provider;
import app.landfall.postage.Postage;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.testing.AdminClient;
import app.landfall.testing.FakeEasyPost;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Prepaid return labels bought through a store's EasyPost account (a fake in this JVM that answers in EasyPost's shapes). */
class ReturnLabelsIT {
    static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final FakeEasyPost EASYPOST = new FakeEasyPost();
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long merchant;
    private static long other;
    private static long review;
    private static long auto;
    private static int orders;
    private static AdminClient owner;
    private static AdminClient otherOwner;
    private static ReturnSubmissions submissions;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_SECRET_KEY", SECRET, "LANDFALL_EASYPOST_API_URL", EASYPOST.url(),
                "LANDFALL_EASYPOST_TIMEOUT_MS", "800", "LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        merchant = store("alder");
        other = store("birch");
        review = reason(merchant, "changed_mind", true);
        auto = reason(merchant, "too_small", false);
        owner = signedIn("alder");
        otherOwner = signedIn("birch");
        var connected = owner.submitRaw("/admin/integrations", "/admin/integrations/easypost", Map.of("api_key", FakeEasyPost.KEY,
                "parcel_weight", "24", "parcel_length", "14", "parcel_width", "10", "parcel_height", "5"), "&carrier=USPS&carrier=UPS");
        assertEquals(303, connected.statusCode(), connected.body());
        var config = app.landfall.config.Config.from(Map.of("LANDFALL_SECRET_KEY", SECRET, "LANDFALL_EASYPOST_API_URL", EASYPOST.url(),
                "LANDFALL_EASYPOST_TIMEOUT_MS", "800"));
        submissions = new ReturnSubmissions(dsl, Clock.systemUTC(), new RmaNumbers(), 4,
                new ReturnLabels(dsl, Clock.systemUTC(), new Postage(dsl, Clock.systemUTC(), config.easyPost(), config.secretKey()))::buy);
    }

    @AfterAll
    static void stop() {
        landfall.close();
        EASYPOST.close();
    }

    @BeforeEach
    void reset() {
        EASYPOST.failCreate = FakeEasyPost.Failure.NONE;
        EASYPOST.failBuy = FakeEasyPost.Failure.NONE;
        EASYPOST.png = false;
        EASYPOST.rates = List.of(new String[] {"UPS", "Ground", "9.10"}, new String[] {"USPS", "GroundAdvantage", "5.57"},
                new String[] {"FedEx", "FEDEX_GROUND", "4.20"});
    }

    private static long store(String slug) {
        long id = TestMerchants.create(dsl, slug);
        dsl.insertInto(RETURN_POLICIES).set(RETURN_POLICIES.MERCHANT_ID, id).set(RETURN_POLICIES.NAME, "Standard")
                .set(RETURN_POLICIES.IS_DEFAULT, true).set(RETURN_POLICIES.RETURN_TO_NAME, "Alder Returns")
                .set(RETURN_POLICIES.RETURN_TO_LINE1, "400 Warehouse Way").set(RETURN_POLICIES.RETURN_TO_CITY, "Portland")
                .set(RETURN_POLICIES.RETURN_TO_REGION, "OR").set(RETURN_POLICIES.RETURN_TO_POSTAL_CODE, "97201")
                .set(RETURN_POLICIES.RETURN_TO_COUNTRY, "US")
                .set(RETURN_POLICIES.METHODS, new String[] {"qr_dropoff", "printable_label", "in_store"}).execute();
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, id).set(MERCHANT_USERS.EMAIL, "owner@" + slug + ".example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
        return id;
    }

    private static long reason(long merchantId, String code, boolean needsReview) {
        return dsl.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, merchantId).set(RETURN_REASONS.CODE, code)
                .set(RETURN_REASONS.LABEL, code).set(RETURN_REASONS.REQUIRES_REVIEW, needsReview)
                .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
    }

    private static AdminClient signedIn(String slug) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn("owner@" + slug + ".example", PASSWORD).statusCode());
        return client;
    }

    /** A return of the alder store, waiting for review (or approved at once with {@code reason} auto). */
    private static ReturnSubmissions.Created aReturn(Method method, long reason) {
        var order = TestOrders.delivered(dsl, merchant, "AL-" + (++orders), OffsetDateTime.now());
        return submissions.submit(merchant, order.orderId(), new ReturnSubmissions.Submission(Tokens.newToken().substring(0, 24),
                List.of(new ReturnSubmissions.Line(order.itemId(), 1, reason, null, List.of(), null)), Resolution.REFUND, method, null))
                .orElseThrow().created();
    }

    private static HttpResponse<String> approve(long id) {
        return owner.submit("/admin/returns/" + id, "/admin/returns/" + id + "/approval", Map.of());
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String page(String path) throws Exception {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    private static final Map<HttpResponse<String>, String> SHOWN = new java.util.IdentityHashMap<>();

    /** The notice the admin sees after a change ("notice: …" or "problem: …"), read once from the page the redirect leads to. */
    private static String problem(HttpResponse<String> redirect) {
        return SHOWN.computeIfAbsent(redirect, r -> {
            String page = owner.get(r.headers().firstValue("Location").orElseThrow()).body();
            var notice = java.util.regex.Pattern.compile("class=\"notice( error)?\" role=\"(?:status|alert)\">([^<]*)<").matcher(page);
            return notice.find() ? (notice.group(1) == null ? "notice: " : "problem: ") + notice.group(2) : page;
        });
    }

    private static String status(long returnId) {
        return dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(returnId)).fetchSingle(RETURNS.STATUS);
    }

    private static app.landfall.db.schema.tables.records.ShipmentsRecord parcel(long returnId) {
        return dsl.selectFrom(SHIPMENTS).where(SHIPMENTS.ID.eq(dsl.select(RETURNS.RETURN_SHIPMENT_ID).from(RETURNS).where(RETURNS.ID.eq(returnId))))
                .fetchSingle();
    }

    @Test
    void the_key_is_checked_with_easypost_kept_sealed_and_shown_only_by_its_last_4() {
        byte[] sealed = dsl.select(CARRIER_ACCOUNTS.API_KEY_SEALED).from(CARRIER_ACCOUNTS).where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchant))
                .fetchSingle(CARRIER_ACCOUNTS.API_KEY_SEALED);
        String stored = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(FakeEasyPost.KEY) || stored.contains(FakeEasyPost.KEY.substring(0, 12)), "the column holds no key");
        String integrations = owner.get("/admin/integrations").body();
        assertTrue(integrations.contains("…0123"), "the last 4 are shown");
        assertFalse(integrations.contains(FakeEasyPost.KEY), "never the key itself");
        var wrong = owner.submitRaw("/admin/integrations", "/admin/integrations/easypost", Map.of("api_key", "EZTKwrongwrongwrongwrong1",
                "parcel_weight", "24", "parcel_length", "14", "parcel_width", "10", "parcel_height", "5"), "&carrier=USPS");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("EasyPost did not accept the API key"), wrong.body());
        assertTrue(wrong.body().contains("checked=\"checked\"") || wrong.body().contains("checked"), "the ticked carriers are kept");
        assertArrayEquals(sealed, dsl.select(CARRIER_ACCOUNTS.API_KEY_SEALED).from(CARRIER_ACCOUNTS)
                .where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchant)).fetchSingle(CARRIER_ACCOUNTS.API_KEY_SEALED), "the good key stays");
        assertFalse(otherOwner.get("/admin/integrations").body().contains("…0123"), "another store's page shows no account");
    }

    @Test
    void approving_buys_the_cheapest_allowed_rate_and_the_shopper_prints_that_label() throws Exception {
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        int before = EASYPOST.calls("POST", "/v2/shipments").size();
        var approved = approve(created.id());
        assertTrue(problem(approved).contains("notice: ") && problem(approved).contains("label is bought"), problem(approved));
        List<FakeEasyPost.Request> posts = EASYPOST.calls("POST", "/v2/shipments");
        JsonNode shipment = posts.get(before).body().path("shipment");
        assertTrue(shipment.path("is_return").asBoolean());
        // EasyPost swaps the addresses of a return (docs.easypost.com/docs/shipments/returns): to = the shopper, from = the store
        assertEquals("12 Elm Street", shipment.path("to_address").path("street1").asText());
        assertEquals("Zoë Müller", shipment.path("to_address").path("name").asText());
        assertEquals("400 Warehouse Way", shipment.path("from_address").path("street1").asText());
        assertEquals(24, shipment.path("parcel").path("weight").asDouble());
        JsonNode buy = posts.get(before + 1).body();
        assertTrue(posts.get(before + 1).path().endsWith("/buy"));
        assertTrue(buy.path("rate").path("id").asText().endsWith("_2"), "USPS 5.57: FedEx is cheaper but not allowed, UPS dearer: " + buy);
        var label = dsl.selectFrom(RETURN_LABELS).where(RETURN_LABELS.RETURN_ID.eq(created.id())).fetchSingle();
        assertEquals("bought", label.getState());
        assertEquals("USPS", label.getCarrier());
        assertEquals(0, new java.math.BigDecimal("5.57").compareTo(label.getRateAmount()));
        assertEquals(label.getTrackingCode(), parcel(created.id()).getTrackingNumber(), "the real number is on the return's parcel");
        assertEquals("usps", parcel(created.id()).getCarrier());

        String shopper = page("/r/" + created.publicToken());
        assertTrue(shopper.contains("Print your label") && shopper.contains(label.getTrackingCode()), shopper);
        assertFalse(shopper.contains("Return authorisation (PDF)"), "no slip beside a real label");
        HttpResponse<byte[]> pdf = get("/r/" + created.publicToken() + "/label.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(EASYPOST.labelBytes(label.getEasypostShipmentId()), pdf.body(), "EasyPost's file, as it came");
        assertTrue(owner.get("/admin/returns/" + created.id()).body().contains(label.getTrackingCode()));
    }

    @Test
    void a_carrier_scan_of_the_label_moves_the_return_in_transit() throws Exception {
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        approve(created.id());
        String code = parcel(created.id()).getTrackingNumber();
        String secret = "easypost-secret-for-alder-0001";
        new app.landfall.hooks.WebhookSecrets(dsl).set(merchant, Provider.EASYPOST, secret);
        // a tracker.updated Event as EasyPost posts it (docs.easypost.com/docs/webhooks), scanned an hour ago
        String at = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String body = """
                {"id": "evt_%1$s", "object": "Event", "description": "tracker.updated", "mode": "test",
                 "result": {"id": "trk_%1$s", "object": "Tracker", "mode": "test", "tracking_code": "%1$s", "status": "in_transit",
                   "carrier": "USPS", "tracking_details": [{"object": "TrackingDetail", "message": "Accepted at USPS Origin Facility",
                   "status": "in_transit", "datetime": "%2$s", "source": "USPS",
                   "tracking_location": {"object": "TrackingLocation", "city": "Springfield", "state": "OR", "country": "US", "zip": "97477"}}]}}
                """.formatted(code, at);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> hook = CLIENT.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/hooks/easypost/alder"))
                .header("Content-Type", "application/json")
                .header(Provider.EASYPOST.signatureHeader(), Provider.EASYPOST.signatures().sign(bytes, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, hook.statusCode(), hook.body());
        assertEquals("in_transit", status(created.id()));
        assertEquals("InTransit", parcel(created.id()).getStatus());
        assertTrue(page("/r/" + created.publicToken()).contains("Springfield"), "the shopper's page shows the scan");
    }

    @ParameterizedTest
    @EnumSource(value = FakeEasyPost.Failure.class, names = {"NO_RATES", "UNPROCESSABLE", "SERVER_ERROR", "SLOW"})
    void a_failed_purchase_keeps_the_approval_tells_both_sides_and_a_retry_buys_once(FakeEasyPost.Failure failure) throws Exception {
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        if (failure == FakeEasyPost.Failure.NO_RATES || failure == FakeEasyPost.Failure.UNPROCESSABLE) {
            EASYPOST.failCreate = failure;
        } else {
            EASYPOST.failBuy = failure;
        }
        int purchases = EASYPOST.purchases.get();
        var approved = approve(created.id());
        assertTrue(problem(approved).contains("problem: ") && problem(approved).contains("could not be bought"), problem(approved));
        assertEquals("approved", status(created.id()), "the approval stands");
        var label = dsl.selectFrom(RETURN_LABELS).where(RETURN_LABELS.RETURN_ID.eq(created.id())).fetchSingle();
        assertEquals("failed", label.getState());
        assertEquals(created.rma().replace("-", ""), parcel(created.id()).getTrackingNumber(), "no half-made parcel number");
        String expected = switch (failure) {
            case NO_RATES -> "offered no rates";
            case UNPROCESSABLE -> "Unable to verify address";
            case SERVER_ERROR -> "problem of its own";
            default -> "did not answer within";
        };
        String admin = owner.get("/admin/returns/" + created.id()).body();
        assertTrue(admin.contains(expected) && admin.contains("Buy label again"), admin);
        String shopper = page("/r/" + created.publicToken());
        assertTrue(shopper.contains("Your label is being prepared"), shopper);
        assertEquals(404, get("/r/" + created.publicToken() + "/label.pdf").statusCode(), "neither a label nor a slip yet");

        EASYPOST.failCreate = FakeEasyPost.Failure.NONE; // the merchant fixed the cause
        var retried = owner.submit("/admin/returns/" + created.id(), "/admin/returns/" + created.id() + "/label-purchase", Map.of());
        assertTrue(problem(retried).contains("label is bought"), problem(retried));
        assertEquals(purchases + 1, EASYPOST.purchases.get(), "bought once");
        assertEquals(200, get("/r/" + created.publicToken() + "/label.pdf").statusCode());
        var again = owner.submit("/admin/returns/" + created.id(), "/admin/returns/" + created.id() + "/label-purchase", Map.of());
        assertTrue(problem(again).contains("already bought"), problem(again));
        assertEquals(purchases + 1, EASYPOST.purchases.get(), "a second click buys nothing");
    }

    @Test
    void a_purchase_whose_answer_was_lost_is_found_on_the_shipment_not_bought_again() {
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        EASYPOST.failBuy = FakeEasyPost.Failure.SLOW_AFTER_BUYING;
        int purchases = EASYPOST.purchases.get();
        approve(created.id());
        assertEquals("bought", dsl.select(RETURN_LABELS.STATE).from(RETURN_LABELS).where(RETURN_LABELS.RETURN_ID.eq(created.id()))
                .fetchSingle(RETURN_LABELS.STATE));
        assertEquals(purchases + 1, EASYPOST.purchases.get());
    }

    @Test
    void only_carriers_the_store_does_not_allow_is_a_clear_failure() {
        EASYPOST.rates = List.<String[]>of(new String[] {"FedEx", "FEDEX_GROUND", "4.20"});
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        var approved = approve(created.id());
        assertTrue(problem(approved).contains("only from carriers this store does not allow (FedEx)"), problem(approved));
    }

    @Test
    void a_return_approved_at_submission_gets_its_label_at_once_and_a_png_is_served_as_png() throws Exception {
        EASYPOST.png = true;
        var created = aReturn(Method.PRINTABLE_LABEL, auto);
        assertEquals("approved", status(created.id()));
        HttpResponse<byte[]> png = get("/r/" + created.publicToken() + "/label.png");
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, get("/r/" + created.publicToken() + "/label.pdf").statusCode());
        assertTrue(page("/r/" + created.publicToken()).contains("/label.png"));
    }

    @Test
    void drop_off_and_in_store_returns_have_no_label_at_all() throws Exception {
        int before = EASYPOST.requests.size();
        for (Method method : List.of(Method.QR_DROPOFF, Method.IN_STORE)) {
            var created = aReturn(method, auto);
            assertEquals(404, get("/r/" + created.publicToken() + "/label.pdf").statusCode(), method.name());
            assertEquals(404, get("/r/" + created.publicToken() + "/label.png").statusCode(), method.name());
        }
        assertEquals(before, EASYPOST.requests.size(), "EasyPost is not asked");
    }

    @Test
    void another_store_can_neither_buy_nor_see_a_label() {
        var created = aReturn(Method.PRINTABLE_LABEL, review);
        EASYPOST.failBuy = FakeEasyPost.Failure.SERVER_ERROR;
        approve(created.id());
        int requests = EASYPOST.requests.size();
        var probe = otherOwner.submit("/admin/returns", "/admin/returns/" + created.id() + "/label-purchase", Map.of());
        assertEquals(404, probe.statusCode());
        assertEquals(requests, EASYPOST.requests.size());
        assertEquals(404, otherOwner.get("/admin/returns/" + created.id()).statusCode());
    }
}
