package app.landfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EasyPost's Shipments API in the test JVM, answering in its documented shapes
 * (https://docs.easypost.com/docs/shipments, https://docs.easypost.com/docs/shipments/returns,
 * errors as https://docs.easypost.com/docs/errors): create a Shipment with its rates, retrieve it, buy
 * a rate (then {@code postage_label}, {@code tracking_code}, {@code selected_rate}), and the label
 * file at {@code label_url}. Keeps every request; can be told to fail the next create or buy.
 */
public final class FakeEasyPost implements AutoCloseable {
    public static final String KEY = "EZTK0123456789abcdefABCDEF0123";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Request(String method, String path, String authorization, JsonNode body) {
    }

    public enum Failure { NONE, NO_RATES, UNPROCESSABLE, SERVER_ERROR, SLOW, SLOW_AFTER_BUYING }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger purchases = new AtomicInteger();
    /** The rates every new shipment gets: carrier, service, amount. */
    public volatile List<String[]> rates = List.of(new String[] {"UPS", "Ground", "9.10"}, new String[] {"USPS", "GroundAdvantage", "5.57"},
            new String[] {"FedEx", "FEDEX_GROUND", "4.20"});
    public volatile Failure failCreate = Failure.NONE;
    public volatile Failure failBuy = Failure.NONE;
    public volatile boolean png;
    private final Map<String, ObjectNode> shipments = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpServer server;

    public FakeEasyPost() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The bytes the label of {@code shipmentId} is served as. */
    public byte[] labelBytes(String shipmentId) {
        if (png) {
            return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, (byte) shipmentId.hashCode()};
        }
        return ("%PDF-1.4\n% label of " + shipmentId + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public List<Request> calls(String method, String pathStart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathStart)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (path.startsWith("/labels/")) {
            String id = path.substring("/labels/".length(), path.lastIndexOf('.'));
            send(exchange, 200, png ? "image/png" : "application/pdf", labelBytes(id));
            return;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "APIKEY.INACTIVE", "This api key is no longer active. Please use a different api key or reactivate this key.");
            return;
        }
        if (method.equals("GET") && path.equals("/v2/addresses")) {
            json(exchange, 200, JSON.createObjectNode().put("has_more", false).set("addresses", JSON.createArrayNode()));
        } else if (method.equals("POST") && path.equals("/v2/shipments")) {
            if (fail(exchange, failCreate)) {
                return;
            }
            json(exchange, 201, create(body.path("shipment")));
        } else if (method.equals("GET") && path.startsWith("/v2/shipments/")) {
            ObjectNode s = shipments.get(path.substring("/v2/shipments/".length()));
            if (s == null) {
                error(exchange, 404, "NOT_FOUND", "The requested resource could not be found.");
            } else {
                json(exchange, 200, s);
            }
        } else if (method.equals("POST") && path.matches("/v2/shipments/[^/]+/buy")) {
            buy(exchange, path.split("/")[3], body.path("rate").path("id").asText());
        } else {
            error(exchange, 404, "NOT_FOUND", "The requested resource could not be found.");
        }
    }

    private ObjectNode create(JsonNode request) {
        String id = "shp_" + "%032x".formatted(ids.incrementAndGet());
        ObjectNode s = JSON.createObjectNode().put("id", id).put("object", "Shipment").put("mode", "test");
        s.put("is_return", request.path("is_return").asBoolean(false)).put("reference", request.path("reference").asText(null));
        s.set("to_address", request.path("to_address"));
        s.set("from_address", request.path("from_address"));
        s.set("parcel", request.path("parcel"));
        ArrayNode list = s.putArray("rates");
        if (failCreate != Failure.NO_RATES) {
            int n = 0;
            for (String[] r : rates) {
                list.addObject().put("id", "rate_" + id.substring(4) + "_" + (++n)).put("object", "Rate").put("carrier", r[0])
                        .put("service", r[1]).put("rate", r[2]).put("currency", "USD").put("shipment_id", id);
            }
        }
        s.putNull("selected_rate");
        s.putNull("postage_label");
        s.putNull("tracking_code");
        shipments.put(id, s);
        return s;
    }

    private void buy(HttpExchange exchange, String id, String rateId) throws IOException {
        ObjectNode s = shipments.get(id);
        if (s == null) {
            error(exchange, 404, "NOT_FOUND", "The requested resource could not be found.");
            return;
        }
        if (!s.path("postage_label").isNull()) {
            error(exchange, 422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.");
            return;
        }
        if (failBuy != Failure.SLOW_AFTER_BUYING && fail(exchange, failBuy)) {
            return;
        }
        JsonNode rate = null;
        for (JsonNode r : s.path("rates")) {
            if (r.path("id").asText().equals(rateId)) {
                rate = r;
            }
        }
        if (rate == null) {
            error(exchange, 422, "SHIPMENT.RATE.INVALID", "The rate provided is not valid for this shipment.");
            return;
        }
        purchases.incrementAndGet();
        s.set("selected_rate", rate);
        s.put("tracking_code", "9400111899223" + "%09d".formatted(Math.abs(id.hashCode()) % 1_000_000_000));
        s.putObject("postage_label").put("object", "PostageLabel").put("label_url", url() + "/labels/" + id + (png ? ".png" : ".pdf"))
                .put("label_file_type", png ? "image/png" : "application/pdf");
        s.putObject("tracker").put("id", "trk_" + id.substring(4)).put("object", "Tracker").put("tracking_code", s.path("tracking_code").asText());
        if (failBuy == Failure.SLOW_AFTER_BUYING) {
            failBuy = Failure.NONE;
            slow(exchange); // bought, but the answer never arrives in time
            return;
        }
        json(exchange, 200, s);
    }

    /** Answers with the failure (true), once: the next call succeeds. */
    private boolean fail(HttpExchange exchange, Failure failure) throws IOException {
        if (failure == Failure.NONE || failure == Failure.NO_RATES) {
            return false;
        }
        failCreate = failCreate == failure ? Failure.NONE : failCreate;
        failBuy = failBuy == failure ? Failure.NONE : failBuy;
        switch (failure) {
            case UNPROCESSABLE -> error(exchange, 422, "ADDRESS.VERIFY.FAILURE", "Unable to verify address.");
            case SERVER_ERROR -> error(exchange, 500, "INTERNAL_SERVER_ERROR", "We're sorry, something went wrong.");
            default -> slow(exchange);
        }
        return true;
    }

    /** Holds the answer until the test ends (the client's timeout is far shorter). */
    private void slow(HttpExchange exchange) throws IOException {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).putArray("errors");
        json(exchange, status, body);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
