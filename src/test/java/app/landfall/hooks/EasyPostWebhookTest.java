package app.landfall.hooks;

import static app.landfall.hooks.HookFixtures.REMOVE;
import static app.landfall.hooks.HookFixtures.edit;
import static app.landfall.hooks.HookFixtures.errors;
import static app.landfall.hooks.HookFixtures.json;
import static app.landfall.hooks.HookFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.Substatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * easypost-tracker-updated.json is EasyPost's documented Event (official/responses/events in
 * github.com/EasyPost/examples, as on https://docs.easypost.com/docs/events: same id, user,
 * previous_attributes) with, as {@code result}, the documented Tracker of "Create a Tracker"
 * (official/responses/trackers/trackers-create.json: EZ1000000001, USPS, the two pre_transit details,
 * carrier_detail) moved on by one in_transit / arrived_at_facility detail written with the place's
 * offset, as https://docs.easypost.com/docs/trackers describes.
 */
class EasyPostWebhookTest {
    private static final ObjectNode EXAMPLE = load("easypost-tracker-updated.json");

    private static IncomingEvent event(String time, CanonicalStatus status, String raw, String message, String location,
                                       String city, String region, String postalCode, String country) {
        OffsetDateTime at = OffsetDateTime.parse(time);
        return new IncomingEvent(at, status, raw, message, location, city, region, postalCode, country, null,
                IncomingEvent.fingerprint(at, status, message, location));
    }

    private static ShipmentUpsert shipmentOf(ObjectNode body) throws InvalidPayload {
        WebhookContent content = EasyPostWebhook.parse(body);
        assertEquals(1, content.shipments().size());
        return content.shipments().get(0);
    }

    @Test
    void the_documented_tracker_is_one_shipment_with_an_event_per_tracking_detail() throws InvalidPayload {
        WebhookContent content = EasyPostWebhook.parse(EXAMPLE);

        assertEquals("evt_55a53eb2556b11ed8945059f515d2b6d", content.deliveryId());
        assertEquals(List.of(), content.orders());
        List<IncomingEvent> events = List.of(
                event("2022-09-17T17:51:57Z", CanonicalStatus.of(ShipmentStatus.InfoReceived), "pre_transit:status_update",
                        "Pre-Shipment Info Sent to USPS", null, null, null, null, null),
                event("2022-09-18T06:28:57Z", CanonicalStatus.of(ShipmentStatus.InfoReceived), "pre_transit:status_update",
                        "Shipping Label Created", "HOUSTON, TX", "HOUSTON", "TX", "77063", null),
                event("2022-10-26T14:18:21-06:00", CanonicalStatus.of(Substatus.InTransit_ArrivedAtFacility),
                        "in_transit:arrived_at_facility", "Arrived at USPS Facility", "COLUMBIA, SC, US", "COLUMBIA", "SC",
                        "29201", "US"));
        assertEquals(List.of(new ShipmentUpsert(null, null, "usps", "First-Class Package Service", "EZ1000000001", null,
                LocalDate.of(2022, 10, 28), null, events)), content.shipments());
    }

    @Test
    void dedupe_keys_are_stable_across_deliveries_and_distinct_within_one() throws InvalidPayload {
        List<String> first = shipmentOf(EXAMPLE).events().stream().map(IncomingEvent::dedupeKey).toList();
        ObjectNode redelivery = edit(EXAMPLE, "id", "\"evt_0000000000000000000000000000000\"");
        List<String> again = shipmentOf(redelivery).events().stream().map(IncomingEvent::dedupeKey).toList();

        assertEquals(first, again);
        assertEquals(3, new HashSet<>(first).size());
    }

    @Test
    void tracker_created_is_read_like_tracker_updated() throws InvalidPayload {
        ObjectNode created = edit(edit(EXAMPLE, "description", "\"tracker.created\""), "previous_attributes", "{}");
        assertEquals(EasyPostWebhook.parse(EXAMPLE).shipments(), EasyPostWebhook.parse(created).shipments());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch.updated", "shipment.invoice.created", "refund.successful", "report.available",
        "insurance.purchased", "payment.completed", "tracker.deleted", "Tracker.Updated"})
    void other_events_are_acknowledged_without_content(String description) throws InvalidPayload {
        WebhookContent content = EasyPostWebhook.parse(edit(EXAMPLE, "description", '"' + description + '"'));
        assertEquals(new WebhookContent("evt_55a53eb2556b11ed8945059f515d2b6d", List.of(), List.of()), content);
    }

    @ParameterizedTest(name = "result = {0}")
    @ValueSource(strings = {"null", "{\"object\": \"Shipment\", \"id\": \"shp_1\"}", "\"trk_1\"", "[]"})
    void a_tracker_event_without_a_tracker_is_invalid(String result) {
        InvalidPayload e = assertThrows(InvalidPayload.class, () -> EasyPostWebhook.parse(edit(EXAMPLE, "result", result)));
        assertEquals("result", e.errors().get(0).get("field"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "UPS, ups", "UPSDAP, ups", "UPSMailInnovations, ups",
        "USPS, usps", "USPSReturns, usps",
        "FedEx, fedex", "FedExDefault, fedex", "FedExSmartPost, fedex", "FedExCrossBorder, fedex",
        "DHLExpress, dhl", "DHLeCommerce, dhl", "DHLEcommerceSolutions, dhl",
        "AmazonShipping, amazon", "AmazonMws, amazon",
        "OnTrac, ontrac",
        // unknown to Landfall: EasyPost's name as a slug
        "CanadaPost, canadapost", "LaserShipV2, lasershipv2", "Passport, passport",
        // not usable as a slug: detect from the number
        "'Royal Mail', -", "'', -", "-, -",
    })
    void carrier_names_map_to_carrier_codes(String name, String carrier) throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "result.carrier", name == null ? REMOVE : '"' + name + '"');
        assertEquals(carrier, shipmentOf(body).carrier());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "in_transit, departed_facility, InTransit, InTransit_DepartedFacility",
        "in_transit, weather_delay, Exception, Exception_Delayed",
        "out_for_delivery, -, OutForDelivery, -",
        "delivered, -, Delivered, -",
        "available_for_pickup, arrived_at_pickup_location, AvailableForPickup, AvailableForPickup_PickupPoint",
        "return_to_sender, return, Exception, Exception_ReturningToSender",
        "failure, delivery_exception, Exception, -",
        "unknown, label_created, InfoReceived, InfoReceived_LabelCreated",
        "-, -, Pending, -",
    })
    void detail_statuses_go_through_EasyPostStatuses(String status, String detail, ShipmentStatus expected,
                                                    Substatus substatus) throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "result.tracking_details[2].status", status == null ? "null" : '"' + status + '"');
        body = edit(body, "result.tracking_details[2].status_detail", detail == null ? "null" : '"' + detail + '"');

        IncomingEvent event = shipmentOf(body).events().get(2);
        assertEquals(new CanonicalStatus(expected, substatus), event.status());
        assertEquals(status == null ? detail : detail == null ? status : status + ":" + detail, event.rawStatus());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"US, US", "CA, CA", "'United States', -", "USA, -", "us, -", "'', -"})
    void only_alpha2_countries_are_kept(String written, String kept) throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "result.tracking_details[2].tracking_location.country", '"' + written + '"');
        IncomingEvent event = shipmentOf(body).events().get(2);
        assertEquals(kept, event.country());
        assertEquals(kept == null ? "COLUMBIA, SC" : "COLUMBIA, SC, " + kept, event.location());
    }

    @Test
    void a_detail_without_a_location_has_none() throws InvalidPayload {
        IncomingEvent event = shipmentOf(edit(EXAMPLE, "result.tracking_details[2].tracking_location", REMOVE))
                .events().get(2);
        assertNull(event.location());
        assertNull(event.city());
        assertNull(event.country());
    }

    @Test
    void the_carriers_local_estimate_wins_over_est_delivery_date() throws InvalidPayload {
        ObjectNode local = edit(EXAMPLE, "result.carrier_detail.est_delivery_date_local", "\"2022-10-27\"");
        assertEquals(LocalDate.of(2022, 10, 27), shipmentOf(local).carrierEstimatedDelivery());

        ObjectNode none = edit(EXAMPLE, "result.est_delivery_date", "null");
        assertNull(shipmentOf(none).carrierEstimatedDelivery());
    }

    @Test
    void a_time_without_offset_is_read_as_utc() throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "result.tracking_details[2].datetime", "\"2022-10-26T14:18:21\"");
        assertEquals(OffsetDateTime.parse("2022-10-26T14:18:21Z"), shipmentOf(body).events().get(2).occurredAt());
    }

    @Test
    void a_tracker_without_details_has_no_events() throws InvalidPayload {
        assertEquals(List.of(), shipmentOf(edit(EXAMPLE, "result.tracking_details", "[]")).events());
        assertEquals(List.of(), shipmentOf(edit(EXAMPLE, "result.tracking_details", REMOVE)).events());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "object                                 | <remove>            | object                                 | is required",
        "object                                 | '\"Tracker\"'       | object                                 | must be \"Event\"",
        "id                                     | <remove>            | id                                     | is required",
        "id                                     | 42                  | id                                     | must be a string",
        "description                            | <remove>            | description                            | is required",
        "description                            | '[\"tracker\"]'     | description                            | must be a string",
        "result.tracking_code                   | <remove>            | result.tracking_code                   | is required",
        "result.tracking_code                   | 1000000001          | result.tracking_code                   | must be a string",
        "result.tracking_code                   | '\"EZ1\"'           | result.tracking_code                   | must be 4 to 64 letters and digits (spaces and dashes are ignored)",
        "result.carrier                         | 7                   | result.carrier                         | must be a string",
        "result.est_delivery_date               | '\"tomorrow\"'      | result.est_delivery_date               | must be a date (YYYY-MM-DD) or an ISO-8601 time",
        "result.carrier_detail                  | '\"USPS\"'          | result.carrier_detail                  | must be an object",
        "result.tracking_details                | '{}'                | result.tracking_details                | must be an array",
        "result.tracking_details[0]             | 1                   | result.tracking_details[0]             | must be an object",
        "result.tracking_details[1].datetime    | <remove>            | result.tracking_details[1].datetime    | is required",
        "result.tracking_details[1].datetime    | '\"18/09/2022\"'    | result.tracking_details[1].datetime    | must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00",
        "result.tracking_details[2].status      | 3                   | result.tracking_details[2].status      | must be a string",
        "result.tracking_details[2].tracking_location | '[]'          | result.tracking_details[2].tracking_location | must be an object",
        "result.tracking_details[2].tracking_location.city | 5        | result.tracking_details[2].tracking_location.city | must be a string",
    })
    void malformed_members_are_refused_with_their_path(String path, String literal, String field, String message) {
        List<Map<String, String>> errors = errors(() -> EasyPostWebhook.parse(edit(EXAMPLE, path, literal)));
        assertEquals(List.of(Map.of("field", field, "message", message)), errors);
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        assertEquals(List.of(Map.of("field", "$", "message", "must be a JSON object")),
                errors(() -> EasyPostWebhook.parse(json("\"tracker.updated\""))));
    }

    @Test
    void long_messages_are_cut_and_unknown_members_ignored() throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "result.tracking_details[2].message", '"' + "x".repeat(5000) + '"');
        body = edit(body, "result.tracking_details[2].est_delivery_date", "\"2022-10-28T00:00:00Z\"");
        body = edit(body, "result.something_new", "{\"a\": 1}");
        assertEquals(PayloadFormats.MAX_MESSAGE, shipmentOf(body).events().get(2).message().length());
    }
}
