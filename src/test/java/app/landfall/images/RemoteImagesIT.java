package app.landfall.images;

import static app.landfall.db.schema.Tables.REMOTE_IMAGES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product images on another host reach the shopper through /img/: fetched once, kept, checked by
 * content. The "store CDN" here is a small HTTP server on this machine, so Landfall runs with
 * LANDFALL_IMAGES_FROM_ANY_HOST (plain http and private addresses allowed, for development only).
 */
class RemoteImagesIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static HttpServer cdn;
    private static String cdnBase;
    private static byte[] png;
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        png = out.toByteArray();
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/socks.png", 200, "image/png", png);
        serve("/fake.png", 200, "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        serve("/huge.jpg", 200, "image/jpeg", hugeJpeg());
        serve("/moved.png", 302, "text/plain", new byte[0]);
        cdn.start();
        cdnBase = "http://127.0.0.1:" + cdn.getAddress().getPort();

        // the server's own purge is off: images_nobody_opened_for_a_month_are_purged runs it by hand
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_IMAGES_FROM_ANY_HOST", "true", "LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        long merchant = TestMerchants.create(dsl, "imgshop");
        key = new ApiKeys(dsl).create(merchant, "test");
    }

    private static byte[] hugeJpeg() {
        byte[] bytes = new byte[RemoteImages.MAX_BYTES + 10];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    private static void serve(String path, int status, String type, byte[] body) {
        cdn.createContext(path, exchange -> {
            HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", type);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        landfall.close();
        cdn.stop(0);
    }

    /** The src of the item image on the tracking page of a new shipment whose one item has this image URL. */
    private static String imageSrcOnPage(String number, String imageUrl) throws Exception {
        assertEquals(201, http.post("/api/v1/orders", key, """
                {"order_number": "%s", "items": [{"sku": "SOCK", "title": "Socks", "quantity": 1, "image_url": "%s"}]}"""
                .formatted(number, imageUrl)).statusCode());
        HttpResponse<String> shipment = http.post("/api/v1/shipments", key, """
                {"order_number": "%s", "carrier": "ups", "tracking_number": "%s", "items": [{"sku": "SOCK", "quantity": 1}]}"""
                .formatted(number, "TEST" + number));
        assertEquals(201, shipment.statusCode(), shipment.body());
        String page = new ObjectMapper().readTree(shipment.body()).get("tracking_page_url").asText();
        String html = CLIENT.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertFalse(html.contains(cdnBase), "the page must not load anything from the store's host");
        Matcher img = Pattern.compile("<img src=\"(/img/[^\"]+)\"").matcher(html);
        assertTrue(img.find(), "no proxied item image on the page");
        return img.group(1);
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_product_image_is_fetched_once_and_served_from_our_origin() throws Exception {
        String src = imageSrcOnPage("IMG-1", cdnBase + "/socks.png");
        HttpResponse<byte[]> first = get(src);
        assertEquals(200, first.statusCode());
        assertEquals("image/png", first.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(png, first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, get(src).statusCode());
        assertEquals(304, get(src, "If-None-Match", etag).statusCode());
        assertEquals(1, HITS.get("/socks.png").get(), "fetched once, then served from the database");
        String csp = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("img-src 'self' data:;"), csp);
    }

    @Test
    void a_tampered_or_unsigned_path_fetches_nothing() throws Exception {
        String src = imageSrcOnPage("IMG-2", cdnBase + "/socks.png?v=2");
        String other = cdnBase + "/socks.png?v=other";
        String forged = "/img/" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(other.getBytes(StandardCharsets.UTF_8)) + src.substring(src.lastIndexOf('.'));
        assertEquals(404, get(forged).statusCode(), "another URL with this URL's signature");
        assertEquals(404, get("/img/not-a-signed-path").statusCode());
        assertEquals(0, dsl.fetchCount(REMOTE_IMAGES, REMOTE_IMAGES.URL.eq(other)));
    }

    @Test
    void html_named_png_an_oversize_file_and_a_redirect_are_refused_and_remembered() throws Exception {
        for (String path : new String[] {"/fake.png", "/huge.jpg", "/moved.png"}) {
            String src = imageSrcOnPage("IMG" + path.hashCode(), cdnBase + path);
            HttpResponse<byte[]> response = get(src);
            assertEquals(404, response.statusCode(), path);
            assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("script"), path);
            var row = dsl.selectFrom(REMOTE_IMAGES).where(REMOTE_IMAGES.URL.eq(cdnBase + path)).fetchOne();
            assertNotNull(row, path);
            assertNull(row.getBody(), path);
            assertNotNull(row.getFailure(), path);
            assertEquals(404, get(src).statusCode());
            assertEquals(1, HITS.get(path).get(), path + ": a failure is remembered, not retried on every view");
        }
        assertEquals(0, HITS.getOrDefault("/latest/meta-data/", new AtomicInteger()).get());
    }

    @Test
    void images_nobody_opened_for_a_month_are_purged() throws Exception {
        String src = imageSrcOnPage("IMG-OLD", cdnBase + "/socks.png?old");
        assertEquals(200, get(src).statusCode());
        RemoteImages images = new RemoteImages(dsl, new byte[32], Clock.systemUTC(), true);
        assertEquals(0, images.purge(java.time.Duration.ofDays(30)), "just fetched: kept");
        dsl.update(REMOTE_IMAGES).set(REMOTE_IMAGES.FETCHED_AT, java.time.OffsetDateTime.now().minusDays(31))
                .where(REMOTE_IMAGES.URL.eq(cdnBase + "/socks.png?old")).execute();
        assertEquals(1, images.purge(java.time.Duration.ofDays(30)));
        assertEquals(0, dsl.fetchCount(REMOTE_IMAGES, REMOTE_IMAGES.URL.eq(cdnBase + "/socks.png?old")));
        assertEquals(200, get(src).statusCode(), "a page still showing it fetches it again");
    }

    @Test
    void without_the_development_switch_private_hosts_and_plain_http_are_refused() {
        RemoteImages strict = new RemoteImages(dsl, new byte[32], Clock.systemUTC(), false);
        assertTrue(strict.fetch("https://127.0.0.1:" + cdn.getAddress().getPort() + "/socks.png").failure().contains("private network"));
        assertTrue(strict.fetch("https://169.254.169.254/latest/meta-data/").failure().contains("private network"));
        assertTrue(strict.fetch("https://localhost/x.png").failure().contains("private network"));
        assertTrue(strict.fetch(cdnBase + "/socks.png").failure().contains("only https"));
        assertNull(strict.src(cdnBase + "/socks.png"), "plain http is not even put on the page");
        assertNull(strict.src("javascript:alert(1)"));
        assertNull(strict.src("data:image/png;base64,AAAA"));
        assertNull(strict.src("//evil.example/x.png"));
        assertEquals("/static/img/demo/socks.png", strict.src("/static/img/demo/socks.png"));
        String signed = strict.src("https://cdn.example/a.png");
        assertTrue(signed.startsWith("/img/"), signed);
        assertEquals("https://cdn.example/a.png", strict.url(signed.substring(5)).orElseThrow());
    }
}
