package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shopper starting a return over HTTP, with forms only: find the order, choose, review, submit. */
class ReturnFlowIT {
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demoId;
    private static long tooSmall;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        demoId = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        tooSmall = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(demoId))
                .and(RETURN_REASONS.CODE.eq("too_small")).fetchSingle(RETURN_REASONS.ID);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    /** A delivered demo order nobody has returned anything of: number, email, one returnable item. */
    private static Record3<String, String, Long> freshOrder(int skip) {
        return dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL, DSL.min(ORDER_ITEMS.ID))
                .from(ORDERS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID))
                .where(ORDERS.MERCHANT_ID.eq(demoId)).and(ORDER_ITEMS.FINAL_SALE.isFalse())
                .and(DSL.notExists(DSL.selectOne().from(RETURNS).where(RETURNS.ORDER_ID.eq(ORDERS.ID))))
                .and(DSL.exists(DSL.selectOne().from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.STATUS.eq("Delivered"))))
                .groupBy(ORDERS.MERCHANT_ID, ORDERS.ID).orderBy(ORDERS.PLACED_AT.desc()).offset(skip).limit(1).fetchSingle();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no field " + name);
        return m.group(1);
    }

    /** The id of the first item the choose page offers a quantity for. */
    private static String firstReturnable(String choose) {
        Matcher m = Pattern.compile("name=\"qty_(\\d+)\"").matcher(choose);
        assertTrue(m.find(), "nothing returnable on:\n" + choose);
        return m.group(1);
    }

    /** Finds the order with the start form; returns the flow's path. */
    private String findOrder(String number, String contact) throws Exception {
        String csrf = field(get("/demo/returns").body(), "_csrf");
        HttpResponse<String> found = post("/demo/returns", Map.of("_csrf", csrf, "order_number", number, "contact", contact));
        assertEquals(303, found.statusCode(), found.body());
        String location = found.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/demo/returns/o/"), location);
        return location;
    }

    @Test
    void a_shopper_finds_the_order_chooses_reviews_and_submits_once() throws Exception {
        var order = freshOrder(0);
        String flow = findOrder(order.value1().toLowerCase(), order.value2().toUpperCase());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"),
                "step", "review", "qty_" + item, "1", "reason_" + item, String.valueOf(tooSmall),
                "resolution", "refund", "method", "qr_dropoff"));
        HttpResponse<String> review = post(flow, form);
        assertEquals(200, review.statusCode(), review.body());
        assertTrue(review.body().contains("Check your return") && review.body().contains("Your refund"), review.body());

        form.put("step", "submit");
        HttpResponse<String> first = post(flow, form);
        HttpResponse<String> again = post(flow, form);
        assertEquals(303, first.statusCode(), first.body());
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"), "a second submit finds the same return");
        String page = get(first.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Return R-") && page.contains("Drop-off code"), page);
        long orderId = dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(demoId)).and(ORDERS.ORDER_NUMBER.eq(order.value1()))
                .fetchSingle(ORDERS.ID);
        assertEquals(1, dsl.fetchCount(RETURNS, RETURNS.ORDER_ID.eq(orderId)));
    }

    @Test
    void wrong_answers_come_back_with_messages_and_nothing_is_stored() throws Exception {
        var order = freshOrder(1);
        String flow = findOrder(order.value1(), order.value2());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        int before = dsl.fetchCount(RETURNS);
        HttpResponse<String> tooMany = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "step", "submit",
                "qty_" + item, "50", "reason_" + item, String.valueOf(tooSmall), "resolution", "refund", "method", "qr_dropoff"));
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("You can return at most"), tooMany.body());
        HttpResponse<String> nothing = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "step", "review",
                "resolution", "refund", "method", "qr_dropoff"));
        assertEquals(422, nothing.statusCode());
        assertTrue(nothing.body().contains("Choose at least one item"), nothing.body());
        HttpResponse<String> noReason = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "step", "review",
                "qty_" + item, "1", "comment_" + item, "<script>alert(1)</script>", "resolution", "refund", "method", "qr_dropoff"));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !noReason.body().contains("<script>alert(1)"),
                "a comment comes back escaped");
        assertEquals(before, dsl.fetchCount(RETURNS));
    }

    @Test
    void an_unknown_order_and_wrong_details_get_the_same_answer_and_a_forged_link_leads_back_to_the_start() throws Exception {
        var order = freshOrder(2);
        String csrf = field(get("/demo/returns").body(), "_csrf");
        HttpResponse<String> unknown = post("/demo/returns", Map.of("_csrf", csrf, "order_number", "NO-SUCH-1", "contact", order.value2()));
        HttpResponse<String> wrong = post("/demo/returns", Map.of("_csrf", csrf, "order_number", order.value1(), "contact", "x@example.com"));
        assertEquals(404, unknown.statusCode());
        assertEquals(404, wrong.statusCode());
        assertEquals(unknown.body().replace("NO-SUCH-1", "").replace(order.value2(), ""),
                wrong.body().replace(order.value1(), "").replace("x@example.com", ""));
        HttpResponse<String> forged = get("/demo/returns/o/1.9999999999.AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(303, forged.statusCode());
        assertEquals(404, get(forged.headers().firstValue("Location").orElseThrow()).statusCode());
    }

    @Test
    void start_a_return_on_a_tracking_page_opens_the_flow_of_that_order() throws Exception {
        String token = dsl.select(SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(demoId))
                .and(SHIPMENTS.STATUS.eq("Delivered")).and(SHIPMENTS.DIRECTION.eq("outbound")).orderBy(SHIPMENTS.ID).limit(1)
                .fetchSingle(SHIPMENTS.PUBLIC_TOKEN);
        HttpResponse<String> click = get("/t/" + token + "/return");
        assertEquals(303, click.statusCode());
        HttpResponse<String> start = get(click.headers().firstValue("Location").orElseThrow());
        assertEquals(303, start.statusCode());
        assertTrue(start.headers().firstValue("Location").orElseThrow().startsWith("/demo/returns/o/"));
        assertEquals(200, get(start.headers().firstValue("Location").orElseThrow()).statusCode());
    }
}
