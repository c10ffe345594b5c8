package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Tokens;
import app.landfall.testing.TestMerchants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;

/** A store with a brand and an API key, whose orders' parcels reach a status through the API, as a carrier's would. */
final class Parcels {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final Landfall landfall;
    final long store;
    final String key;

    Parcels(Landfall landfall, String slug, String defaultLanguage) {
        this.landfall = landfall;
        DSLContext dsl = landfall.database().dsl();
        this.store = TestMerchants.create(dsl, slug);
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, store).set(BRANDS.NAME, "Hafenladen").set(BRANDS.IS_DEFAULT, true)
                .set(BRANDS.LANGUAGES, new String[] {"en", "de", "fr", "es"}).set(BRANDS.DEFAULT_LANGUAGE, defaultLanguage).execute();
        this.key = new ApiKeys(dsl).create(store, "test");
    }

    record Parcel(long orderId, long shipmentId, String token) {
    }

    /** An order created through the API (its JSON given), with one parcel. */
    Parcel order(String orderJson) throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/orders", orderJson);
        assertEquals(2, created.statusCode() / 100, created.body());
        String number = app.landfall.testing.Http.json(created).path("order_number").asText();
        DSLContext dsl = landfall.database().dsl();
        long order = dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(store)).and(ORDERS.ORDER_NUMBER.eq(number))
                .fetchSingle(ORDERS.ID);
        String token = Tokens.newToken();
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, store).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.CARRIER, "dhl").set(SHIPMENTS.TRACKING_NUMBER, "003404341610" + (100000 + order))
                .set(SHIPMENTS.PUBLIC_TOKEN, token).returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        return new Parcel(order, shipment, token);
    }

    /** The parcel reaches {@code status} (a tracking status such as InTransit, OutForDelivery) at {@code at}. */
    void status(Parcel parcel, String status, String at) throws Exception {
        HttpResponse<String> posted = call("POST", "/api/v1/shipments/" + parcel.shipmentId() + "/events",
                "{\"events\":[{\"event_id\":\"" + status + at + "\",\"occurred_at\":\"" + at + "\",\"status\":\"" + status + "\"}]}");
        assertEquals(2, posted.statusCode() / 100, posted.body());
    }

    HttpResponse<String> call(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
