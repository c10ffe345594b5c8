package app.landfall.postage;

import app.landfall.config.EasyPost;
import app.landfall.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * EasyPost's REST API over java.net.http, with the documented JSON shapes: Basic auth with the key as
 * the user name; create a Shipment ({@code POST /v2/shipments}, https://docs.easypost.com/docs/shipments),
 * retrieve it, buy one of its rates ({@code POST /v2/shipments/{id}/buy} with {@code {"rate":{"id":…}}}),
 * then fetch {@code postage_label.label_url}. Errors come as {@code {"error":{"code","message"}}}
 * (https://docs.easypost.com/docs/errors); every failure is a {@link Failure} with words for a merchant.
 */
public final class EasyPostApi {
    private final HttpClient http;
    private final EasyPost config;

    EasyPostApi(EasyPost config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A call that did not give what was asked, with what to tell the merchant. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** A postal address as EasyPost takes it. */
    public record Address(String name, String street1, String street2, String city, String state, String zip, String country) {
    }

    public record Parcel(BigDecimal weightOz, BigDecimal lengthIn, BigDecimal widthIn, BigDecimal heightIn) {
    }

    public record Rate(String id, String carrier, String service, BigDecimal amount, String currency) {
    }

    /** A shipment: its rates, and once bought the label's address and file type and the tracking code. */
    public record Shipment(String id, List<Rate> rates, String labelUrl, String labelFileType, String trackingCode, Rate selected) {
        public boolean bought() {
            return labelUrl != null && trackingCode != null;
        }
    }

    /** A cheap call that only a valid key answers: the first page of the account's addresses. */
    void verify(String key) throws Failure {
        call(key, HttpRequest.newBuilder(uri("/v2/addresses?page_size=1")).GET());
    }

    /**
     * A return shipment. With {@code is_return}, EasyPost takes the addresses of the original outbound
     * parcel and swaps them (https://docs.easypost.com/docs/shipments/returns): {@code to_address} is the
     * shopper, {@code from_address} the store, and the label goes from the shopper to the store.
     */
    public Shipment createReturn(String key, Address shopper, Address store, Parcel parcel, String reference) throws Failure {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode shipment = body.putObject("shipment");
        address(shipment.putObject("to_address"), shopper);
        address(shipment.putObject("from_address"), store);
        ObjectNode p = shipment.putObject("parcel");
        p.put("weight", parcel.weightOz()).put("length", parcel.lengthIn()).put("width", parcel.widthIn()).put("height", parcel.heightIn());
        shipment.put("is_return", true);
        shipment.put("reference", reference);
        shipment.putObject("options").put("label_format", "PDF");
        return shipment(call(key, json(uri("/v2/shipments"), body)));
    }

    public Shipment retrieve(String key, String shipmentId) throws Failure {
        return shipment(call(key, HttpRequest.newBuilder(uri("/v2/shipments/" + safe(shipmentId))).GET()));
    }

    public Shipment buy(String key, String shipmentId, String rateId) throws Failure {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("rate").put("id", rateId);
        return shipment(call(key, json(uri("/v2/shipments/" + safe(shipmentId) + "/buy"), body)));
    }

    /** The label file; its address is EasyPost's own storage and needs no key. */
    public byte[] download(String labelUrl) throws Failure {
        URI uri = URI.create(labelUrl);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new Failure("EasyPost gave a label address that is not a web address.");
        }
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).GET().build());
        if (response.statusCode() != 200 || response.body().length == 0) {
            throw new Failure("The label file could not be downloaded from EasyPost (HTTP " + response.statusCode() + ").");
        }
        return response.body();
    }

    private JsonNode call(String key, HttpRequest.Builder request) throws Failure {
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(request.timeout(config.requestTimeout()).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").build());
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null && body.isObject()) {
            return body;
        }
        if (status == 401 || status == 403) {
            throw new Failure("EasyPost did not accept the API key (HTTP " + status + "). Check it in EasyPost's dashboard, "
                    + "under API Keys, and connect it again.");
        }
        JsonNode error = body == null ? null : body.path("error");
        if (status >= 400 && status < 500 && error != null && error.hasNonNull("message")) {
            throw new Failure("EasyPost refused it: " + clip(error.path("message").asText()) + " (" + clip(error.path("code").asText()) + ").");
        }
        throw new Failure(status >= 500 ? "EasyPost had a problem of its own (HTTP " + status + "). Try again in a few minutes."
                : "EasyPost answered HTTP " + status + " without saying why.");
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Failure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Failure("EasyPost did not answer within " + config.requestTimeout().toMillis() / 1000.0 + " seconds. Try again in a few minutes.");
        } catch (IOException e) {
            throw new Failure("EasyPost could not be reached (" + clip(String.valueOf(e.getMessage())) + "). Try again in a few minutes.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("The call to EasyPost was interrupted.");
        }
    }

    private static Shipment shipment(JsonNode s) throws Failure {
        String id = s.path("id").asText(null);
        if (id == null || !id.matches("[A-Za-z0-9_]{1,100}")) {
            throw new Failure("EasyPost answered without a shipment id.");
        }
        List<Rate> rates = new ArrayList<>();
        for (JsonNode r : s.path("rates")) {
            Rate rate = rate(r);
            if (rate != null) {
                rates.add(rate);
            }
        }
        JsonNode label = s.path("postage_label");
        return new Shipment(id, List.copyOf(rates), label.path("label_url").asText(null), label.path("label_file_type").asText(null),
                s.path("tracking_code").asText(null), rate(s.path("selected_rate")));
    }

    private static Rate rate(JsonNode r) {
        if (!r.hasNonNull("id") || !r.hasNonNull("rate")) {
            return null;
        }
        try {
            return new Rate(r.path("id").asText(), r.path("carrier").asText(""), r.path("service").asText(""),
                    new BigDecimal(r.path("rate").asText()), r.path("currency").asText("USD"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void address(ObjectNode node, Address a) {
        node.put("name", a.name()).put("street1", a.street1()).put("street2", a.street2()).put("city", a.city())
                .put("state", a.state()).put("zip", a.zip()).put("country", a.country());
    }

    private HttpRequest.Builder json(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private URI uri(String path) {
        return URI.create(config.apiUrl() + path);
    }

    private static String safe(String id) {
        if (!id.matches("[A-Za-z0-9_]{1,100}")) {
            throw new IllegalArgumentException("not an EasyPost id");
        }
        return id;
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
