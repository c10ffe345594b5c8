package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.testing.Http;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The language a customer's messages are written in: the one they chose on the tracking page, else
 * the order's (from the API), else the store's default.
 */
class OrderLanguageIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestClock CLOCK = new TestClock("2026-12-07T09:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Parcels store;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false")), CLOCK);
        dsl = landfall.database().dsl();
        store = new Parcels(landfall, "harbour", "en");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    /** The email about the parcel's {@code template} moment, rendered (kept unsent: no mail server here). */
    private static NotificationOutboxRecord email(Parcels.Parcel parcel, String template) {
        landfall.notifications().sendEmails();
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(parcel.shipmentId()))
                .and(NOTIFICATION_OUTBOX.CHANNEL.eq("email")).and(NOTIFICATION_OUTBOX.TEMPLATE.eq(template)).fetchSingle();
    }

    private static HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_order_created_with_language_de_gets_german_emails_in_a_store_whose_default_is_english() throws Exception {
        Parcels.Parcel parcel = store.order("{\"order_number\":\"DE-1\",\"language\":\"de\",\"customer\":{\"email\":\"jonas@example.de\"}}");
        store.status(parcel, "OutForDelivery", "2026-12-07T08:40:00Z");
        NotificationOutboxRecord mail = email(parcel, "shipment.out_for_delivery");
        assertEquals("de", mail.getLanguage());
        assertEquals("Ihre Bestellung DE-1 wird heute zugestellt", mail.getSubject());
        assertTrue(mail.getBodyHtml().contains("<html lang=\"de\""));
        HttpResponse<String> again = store.call("POST", "/api/v1/orders", "{\"order_number\":\"DE-1\"}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("de", Http.json(again).path("language").asText(), "an update without a language keeps it, and the API says it");
    }

    @Test
    void shopifys_customer_locale_is_read_as_its_language() throws Exception {
        Parcels.Parcel parcel = store.order("{\"order_number\":\"FR-1\",\"customer_locale\":\"fr-CA\",\"customer\":{\"email\":\"a@example.ca\"}}");
        assertEquals("fr", dsl.select(ORDERS.LANGUAGE).from(ORDERS).where(ORDERS.ID.eq(parcel.orderId())).fetchSingle(ORDERS.LANGUAGE));
        store.status(parcel, "OutForDelivery", "2026-12-07T08:40:00Z");
        assertEquals("Votre commande FR-1 est en cours de livraison", email(parcel, "shipment.out_for_delivery").getSubject());
    }

    @Test
    void choosing_french_on_the_tracking_page_makes_the_next_message_french_and_a_mere_view_changes_nothing() throws Exception {
        Parcels.Parcel parcel = store.order("{\"order_number\":\"PG-1\",\"language\":\"de\",\"customer\":{\"email\":\"b@example.com\"}}");
        assertEquals(200, page("/t/" + parcel.token(), "es").statusCode());
        assertNull(pageLanguage(parcel), "a view in the browser's language is no choice");
        store.status(parcel, "OutForDelivery", "2026-12-07T08:40:00Z");
        assertEquals("de", email(parcel, "shipment.out_for_delivery").getLanguage(), "the order's language until the customer chooses");

        HttpResponse<String> chosen = page("/t/" + parcel.token() + "?lang=fr", "de");
        assertEquals(200, chosen.statusCode());
        assertTrue(chosen.body().contains("lang=\"fr\""), "the page is French");
        assertEquals("fr", pageLanguage(parcel));
        store.status(parcel, "Delivered", "2026-12-07T10:15:00Z");
        NotificationOutboxRecord next = email(parcel, "shipment.delivered");
        assertEquals("fr", next.getLanguage());
        assertEquals("Votre commande PG-1 a été livrée", next.getSubject());
        assertEquals(200, page("/t/" + parcel.token() + "?lang=xx", "de").statusCode());
        assertEquals("fr", pageLanguage(parcel), "a language the page does not offer is no choice");
    }

    @Test
    void a_language_we_do_not_write_in_is_a_problem_json_422_and_nothing_is_stored() throws Exception {
        for (String body : new String[] {"{\"order_number\":\"XX-1\",\"language\":\"klingon\"}",
                "{\"order_number\":\"XX-1\",\"language\":\"it\"}", "{\"order_number\":\"XX-1\",\"language\":\"de\\nBcc\"}",
                "{\"order_number\":\"XX-1\",\"language\":7}"}) {
            Http.assertProblem(store.call("POST", "/api/v1/orders", body), 422, "language");
        }
        Http.assertProblem(store.call("POST", "/api/v1/orders", "{\"order_number\":\"XX-1\",\"customer_locale\":\"pt-BR\"}"), 422,
                "customer_locale");
        assertEquals(0, dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("XX-1")));
    }

    private static String pageLanguage(Parcels.Parcel parcel) {
        return dsl.select(ORDERS.PAGE_LANGUAGE).from(ORDERS).where(ORDERS.ID.eq(parcel.orderId())).fetchSingle(ORDERS.PAGE_LANGUAGE);
    }
}
