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
    /** A reason for every product (the size reasons are only for apparel and footwear). */
    private static long changedMind;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        demoId = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        tooSmall = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(demoId))
                .and(RETURN_REASONS.CODE.eq("too_small")).fetchSingle(RETURN_REASONS.ID);
        changedMind = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(demoId))
                .and(RETURN_REASONS.CODE.eq("changed_mind")).fetchSingle(RETURN_REASONS.ID);
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

    /** The id of the first item the items step lets the shopper pick. */
    private static String firstReturnable(String choose) {
        Matcher m = Pattern.compile("id=\"pick_(\\d+)\" value=\"\\d+\" aria-describedby=\"price-").matcher(choose);
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
                "at", "method", "go", "next", "qty_" + item, "1", "reason_" + item, String.valueOf(changedMind),
                "resolution", "refund", "method", "qr_dropoff"));
        HttpResponse<String> review = post(flow, form);
        assertEquals(200, review.statusCode(), review.body());
        assertTrue(review.body().contains("Check your return") && review.body().contains("Your refund"), review.body());

        form.put("at", "review");
        form.put("go", "submit");
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
        HttpResponse<String> tooMany = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "review", "go", "submit",
                "qty_" + item, "50", "reason_" + item, String.valueOf(changedMind), "resolution", "refund", "method", "qr_dropoff"));
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("You can return at most"), tooMany.body());
        HttpResponse<String> nothing = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "method", "go", "next",
                "resolution", "refund", "method", "qr_dropoff"));
        assertEquals(422, nothing.statusCode());
        assertTrue(nothing.body().contains("Choose at least one item"), nothing.body());
        HttpResponse<String> noReason = post(flow, Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "method", "go", "next",
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

    /** One file of a multipart form. */
    private record Part(String field, String fileName, String contentType, byte[] body) {
    }

    private HttpResponse<String> postMultipart(String path, Map<String, String> form, java.util.List<Part> files) throws Exception {
        String boundary = "----landfall" + System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : form.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Part f : files) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\"" + f.fileName()
                    + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.body());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A 50 MB form as the server sees it first: its headers. The refusal comes from the announced
     * length, before the body; sending the 50 MB as well made the test race the server closing the
     * connection (the client sometimes saw a broken pipe instead of the 413).
     */
    private String announceHugeUpload(String path) throws Exception {
        URI uri = URI.create(landfall.baseUrl() + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] png(int width, int height) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 7 + y * 13) * 0x010203);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_damaged_item_needs_a_photo_which_is_checked_kept_with_the_form_and_moved_to_the_return() throws Exception {
        var order = freshOrder(3);
        String flow = findOrder(order.value1(), order.value2());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        String key = field(choose, "key");
        long damaged = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(demoId))
                .and(RETURN_REASONS.CODE.eq("damaged")).fetchSingle(RETURN_REASONS.ID);
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", key, "at", "reason", "go", "next",
                "qty_" + item, "1", "reason_" + item, String.valueOf(damaged), "comment_" + item, "The zip came off",
                "resolution", "refund", "method", "qr_dropoff"));
        form.put("asked_" + item, String.valueOf(damaged)); // the photo question was on screen
        form.put("then", "review");
        var uploads = app.landfall.db.schema.Tables.RETURN_PHOTO_UPLOADS;
        var photos = app.landfall.db.schema.Tables.RETURN_PHOTOS;

        HttpResponse<String> none = postMultipart(flow, form, java.util.List.of());
        assertEquals(422, none.statusCode());
        assertTrue(none.body().contains("Add 1 to 3 photos"), none.body());

        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> renamed = postMultipart(flow, form, java.util.List.of(new Part("photo_" + item, "photo.jpg", "image/jpeg", pdf)));
        assertEquals(422, renamed.statusCode());
        assertTrue(renamed.body().contains("That file is not a JPEG, PNG or WebP photo."), renamed.body());
        byte[] big = new byte[6_000_000];
        System.arraycopy(png(4, 4), 0, big, 0, png(4, 4).length);
        HttpResponse<String> tooBig = postMultipart(flow, form, java.util.List.of(new Part("photo_" + item, "big.png", "image/png", big)));
        assertEquals(422, tooBig.statusCode());
        assertTrue(tooBig.body().contains("That photo is larger than 5 MB."), tooBig.body());
        String huge = announceHugeUpload(flow);
        assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
        assertTrue(huge.contains("each can be at most 5 MB"), huge);
        assertEquals(0, dsl.fetchCount(uploads, uploads.SUBMISSION_KEY.eq(key)), "nothing refused is kept");

        HttpResponse<String> review = postMultipart(flow, form,
                java.util.List.of(new Part("photo_" + item, "C:\\Users\\me\\..\\scratch<b>.png", "image/png", png(640, 480))));
        assertEquals(200, review.statusCode(), review.body());
        assertTrue(review.body().contains("1 photo"), review.body());
        assertEquals("scratch<b>.png", dsl.select(uploads.FILE_NAME).from(uploads).where(uploads.SUBMISSION_KEY.eq(key)).fetchSingle().value1());

        Map<String, String> edit = new LinkedHashMap<>(form);
        edit.put("at", "review");
        edit.put("go", "reason");
        HttpResponse<String> back = post(flow, edit);
        assertTrue(back.body().contains("scratch&lt;b&gt;.png") && back.body().contains("name=\"drop_photo\""), back.body());

        form.put("at", "review");
        form.put("go", "submit");
        HttpResponse<String> submitted = post(flow, form);
        assertEquals(303, submitted.statusCode(), submitted.body());
        long returnId = dsl.select(RETURNS.ID).from(RETURNS).where(RETURNS.SUBMISSION_KEY.eq(key)).fetchSingle(RETURNS.ID);
        assertEquals("requested", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(returnId)).fetchSingle(RETURNS.STATUS));
        var stored = dsl.select(photos.CONTENT_TYPE, photos.WIDTH, photos.FILE_NAME).from(photos)
                .join(app.landfall.db.schema.Tables.RETURN_ITEMS).on(app.landfall.db.schema.Tables.RETURN_ITEMS.ID.eq(photos.RETURN_ITEM_ID))
                .where(app.landfall.db.schema.Tables.RETURN_ITEMS.RETURN_ID.eq(returnId)).fetch();
        assertEquals(1, stored.size());
        assertEquals("image/jpeg", stored.get(0).value1());
        assertEquals(640, stored.get(0).value2());
        assertEquals(0, dsl.fetchCount(uploads, uploads.SUBMISSION_KEY.eq(key)), "staged photos moved, not copied");
    }

    @Test
    void a_photo_can_be_taken_away_again() throws Exception {
        var order = freshOrder(4);
        String flow = findOrder(order.value1(), order.value2());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        String key = field(choose, "key");
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", key, "at", "reason", "go", "next",
                "qty_" + item, "1", "reason_" + item, String.valueOf(changedMind), "resolution", "refund", "method", "qr_dropoff"));
        form.put("then", "review");
        var uploads = app.landfall.db.schema.Tables.RETURN_PHOTO_UPLOADS;
        java.util.List<Part> four = java.util.List.of(new Part("photo_" + item, "1.png", "image/png", png(20, 20)),
                new Part("photo_" + item, "2.png", "image/png", png(20, 20)), new Part("photo_" + item, "3.png", "image/png", png(20, 20)),
                new Part("photo_" + item, "4.png", "image/png", png(20, 20)));
        HttpResponse<String> tooMany = postMultipart(flow, form, four);
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("Add at most 3 photos."), tooMany.body());
        assertEquals(3, dsl.fetchCount(uploads, uploads.SUBMISSION_KEY.eq(key)));
        long first = dsl.select(DSL.min(uploads.ID)).from(uploads).where(uploads.SUBMISSION_KEY.eq(key)).fetchSingle().value1();
        form.put("drop_photo", String.valueOf(first));
        HttpResponse<String> fewer = postMultipart(flow, form, java.util.List.of());
        assertEquals(200, fewer.statusCode(), fewer.body());
        assertTrue(fewer.body().contains("2 photos"), fewer.body());
        assertEquals(2, dsl.fetchCount(uploads, uploads.SUBMISSION_KEY.eq(key)));
    }

    /** A delivered demo order with nothing returned yet that has a line of this product type. */
    private static Record3<String, String, Long> orderWith(String productType) {
        return dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL, DSL.min(ORDER_ITEMS.ID))
                .from(ORDERS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID))
                .where(ORDERS.MERCHANT_ID.eq(demoId)).and(ORDER_ITEMS.FINAL_SALE.isFalse()).and(ORDER_ITEMS.PRODUCT_TYPE.eq(productType))
                .and(DSL.notExists(DSL.selectOne().from(RETURNS).where(RETURNS.ORDER_ID.eq(ORDERS.ID))))
                .and(DSL.exists(DSL.selectOne().from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.STATUS.eq("Delivered"))))
                .groupBy(ORDERS.MERCHANT_ID, ORDERS.ID).orderBy(ORDERS.PLACED_AT.desc()).limit(1).fetchSingle();
    }

    private Map<String, String> start(String choose, String item) {
        return new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "items", "go", "next",
                "pick", item));
    }

    @Test
    void reasons_are_offered_only_for_the_products_they_fit_and_a_forged_one_is_refused() throws Exception {
        var mug = orderWith("Camping gear");
        String flow = findOrder(mug.value1(), mug.value2());
        String item = String.valueOf(mug.value3());
        HttpResponse<String> reason = post(flow, start(get(flow).body(), item));
        assertEquals(200, reason.statusCode(), reason.body());
        assertTrue(reason.body().contains("Step 2 of 5: Reason") && reason.body().contains("Changed my mind"), reason.body());
        assertTrue(!reason.body().contains("Too small") && !reason.body().contains("Too large"), "no size reasons for camping gear");
        Map<String, String> forged = start(get(flow).body(), item);
        forged.putAll(Map.of("at", "reason", "qty_" + item, "1", "reason_" + item, String.valueOf(tooSmall)));
        forged.remove("pick");
        HttpResponse<String> refused = post(flow, forged);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("That reason is not offered for this item") && refused.body().contains("There is a problem"),
                refused.body());

        var jacket = orderWith("Apparel");
        String jacketFlow = findOrder(jacket.value1(), jacket.value2());
        HttpResponse<String> sized = post(jacketFlow, start(get(jacketFlow).body(), String.valueOf(jacket.value3())));
        assertTrue(sized.body().contains("Too small"), "size reasons for apparel");
    }

    @Test
    void optional_appears_only_when_the_comment_is_optional_and_the_same_rule_checks_it() throws Exception {
        var order = freshOrder(5);
        String flow = findOrder(order.value1(), order.value2());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        long damaged = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(demoId))
                .and(RETURN_REASONS.CODE.eq("damaged")).fetchSingle(RETURN_REASONS.ID);
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "reason",
                "go", "next", "qty_" + item, "1", "reason_" + item, String.valueOf(damaged)));
        HttpResponse<String> asked = post(flow, form);
        assertEquals(200, asked.statusCode(), "the follow-up questions are asked first, not scolded");
        assertTrue(asked.body().contains("Tell us what happened") && !asked.body().contains("(optional)"), asked.body());
        assertTrue(!asked.body().contains("There is a problem"), asked.body());
        form.put("asked_" + item, String.valueOf(damaged));
        HttpResponse<String> empty = post(flow, form);
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Tell us a little more about this reason."), empty.body());

        form.put("reason_" + item, String.valueOf(changedMind));
        form.put("go", "refresh");
        HttpResponse<String> optional = post(flow, form);
        assertTrue(optional.body().contains("Anything to add? (optional)"), optional.body());
        form.put("asked_" + item, String.valueOf(changedMind));
        form.put("go", "next");
        HttpResponse<String> next = post(flow, form);
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("Step 3 of 5: Resolution"), "an optional comment left empty is fine");
    }

    @Test
    void each_choice_shows_its_money_and_back_and_change_keep_the_answers() throws Exception {
        var order = freshOrder(6);
        String flow = findOrder(order.value1(), order.value2());
        String choose = get(flow).body();
        String item = firstReturnable(choose);
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", field(choose, "_csrf"), "key", field(choose, "key"), "at", "reason",
                "go", "next", "qty_" + item, "1", "reason_" + item, String.valueOf(changedMind), "asked_" + item, String.valueOf(changedMind),
                "comment_" + item, "A size up, please"));
        String resolution = post(flow, form).body();
        // the demo store adds 10 % to store credit and charges nothing for an exchange
        assertTrue(resolution.contains("Step 3 of 5: Resolution"), resolution);
        Matcher refund = Pattern.compile("\\$([0-9,]+\\.\\d\\d) refund").matcher(resolution);
        Matcher credit = Pattern.compile("\\$([0-9,]+\\.\\d\\d) store credit</strong>\\s*<span class=\"hint\">includes \\$([0-9,]+\\.\\d\\d) bonus")
                .matcher(resolution);
        assertTrue(refund.find() && credit.find(), resolution);
        java.math.BigDecimal value = new java.math.BigDecimal(refund.group(1).replace(",", ""));
        assertEquals(value.multiply(new java.math.BigDecimal("1.10")).setScale(2, java.math.RoundingMode.HALF_UP),
                new java.math.BigDecimal(credit.group(1).replace(",", "")), "store credit is the refund plus its bonus");
        assertTrue(resolution.contains("class=\"money\""), "amounts are drawn as money (tabular, never wrapped)");

        form.put("at", "resolution");
        form.put("go", "back");
        form.put("resolution", "store_credit");
        form.remove("comment_" + item);
        form.remove("reason_" + item);
        form.remove("asked_" + item);
        String back = post(flow, form).body();
        assertTrue(back.contains("Step 2 of 5: Reason"), back);
        assertTrue(back.contains("name=\"resolution\" value=\"store_credit\""), "the resolution travels along while going back");

        form.putAll(Map.of("at", "method", "go", "next", "method", "qr_dropoff", "reason_" + item, String.valueOf(changedMind),
                "comment_" + item, "A size up, please"));
        String review = post(flow, form).body();
        assertTrue(review.contains("Check your return") && review.contains("A size up, please") && review.contains("Your store credit"), review);
        form.putAll(Map.of("at", "review", "go", "items"));
        String items = post(flow, form).body();
        assertTrue(items.contains("Step 1 of 5: Items") && Pattern.compile("id=\"pick_" + item + "\" value=\"" + item + "\"[^>]* checked").matcher(items).find(), items);
        assertTrue(items.contains("name=\"then\" value=\"review\""), "after a change, Continue comes back to the review");
    }

    @Test
    void a_link_signed_for_one_store_opens_nothing_in_another() throws Exception {
        var order = freshOrder(7);
        String flow = findOrder(order.value1(), order.value2());
        String link = flow.substring(flow.lastIndexOf('/') + 1);
        long other = app.landfall.testing.TestMerchants.create(dsl, "other-wizard-store");
        HttpResponse<String> elsewhere = get("/other-wizard-store/returns/o/" + link);
        assertEquals(303, elsewhere.statusCode());
        assertTrue(elsewhere.headers().firstValue("Location").orElseThrow().startsWith("/other-wizard-store/returns?expired"));
        assertTrue(other > 0);
    }
}
