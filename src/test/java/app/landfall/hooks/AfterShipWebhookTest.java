package app.landfall.hooks;

import static app.landfall.hooks.HookFixtures.REMOVE;
import static app.landfall.hooks.HookFixtures.edit;
import static app.landfall.hooks.HookFixtures.errors;
import static app.landfall.hooks.HookFixtures.json;
import static app.landfall.hooks.HookFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * aftership-tracking-update.json is the example body of AfterShip's "Webhook Specifications" page
 * (https://developers.aftership.com/reference/specification, same event_id, tracking id and USPS
 * number), completed with checkpoints shaped as AfterShip's Checkpoint model
 * (https://www.aftership.com/docs/tracking/model/checkpoint) and an order_number "#1001" (the example
 * has none). One checkpoint_time has no offset, as AfterShip documents it may.
 */
class AfterShipWebhookTest {
    private static final ObjectNode EXAMPLE = load("aftership-tracking-update.json");

    private static IncomingEvent event(String time, CanonicalStatus status, String raw, String message, String location,
                                       String city, String region, String postalCode, String country) {
        OffsetDateTime at = OffsetDateTime.parse(time);
        return new IncomingEvent(at, status, raw, message, location, city, region, postalCode, country, null,
                IncomingEvent.fingerprint(at, status, message, location));
    }

    private static ShipmentUpsert shipmentOf(ObjectNode body) throws InvalidPayload {
        WebhookContent content = AfterShipWebhook.parse(body);
        assertEquals(1, content.shipments().size());
        return content.shipments().get(0);
    }

    private static IncomingEvent firstEventOf(ObjectNode body) throws InvalidPayload {
        return shipmentOf(body).events().get(0);
    }

    @Test
    void the_documented_example_is_one_shipment_with_an_event_per_checkpoint() throws InvalidPayload {
        WebhookContent content = AfterShipWebhook.parse(EXAMPLE);

        assertEquals("3f645f5e-530b-4062-8695-db6a64420af8", content.deliveryId());
        assertEquals(List.of(), content.orders());
        List<IncomingEvent> events = List.of(
                event("2021-01-02T02:38:00-06:00", CanonicalStatus.of(ShipmentStatus.InfoReceived), "InfoReceived_001",
                        "Shipping Label Created, USPS Awaiting Item", "AUSTIN, TX, US", "AUSTIN", "TX", "78701", "US"),
                event("2021-01-02T14:12:00-06:00", CanonicalStatus.of(Substatus.InTransit_PickedUp), "InTransit_002",
                        "USPS in possession of item", "AUSTIN, TX, 78701, USA", "AUSTIN", "TX", "78701", "US"),
                // no offset in the payload: read as UTC
                event("2021-01-03T01:05:00Z", CanonicalStatus.of(Substatus.InTransit_ArrivedAtFacility), "InTransit_003",
                        "Arrived at USPS Regional Facility", "MEMPHIS TN NETWORK DISTRIBUTION CENTER, US",
                        "MEMPHIS TN NETWORK DISTRIBUTION CENTER", null, null, "US"),
                event("2021-01-05T07:10:00-05:00", CanonicalStatus.of(ShipmentStatus.OutForDelivery), "OutForDelivery_001",
                        "Out for Delivery", "LOUISVILLE, KY, 40202, USA", "LOUISVILLE", "KY", "40202", "US"),
                event("2021-01-05T13:52:00-05:00", CanonicalStatus.of(ShipmentStatus.Delivered), "Delivered_001",
                        "Delivered, In/At Mailbox", "LOUISVILLE, KY, 40202, USA", "LOUISVILLE", "KY", "40202", "US"));
        assertEquals(List.of(new ShipmentUpsert("1001", null, "usps", "First-Class Package Service",
                "9361289676091361892011", null, LocalDate.of(2021, 1, 5), null, events)), content.shipments());
    }

    @Test
    void dedupe_keys_are_stable_across_deliveries_and_distinct_within_one() throws InvalidPayload {
        List<String> first = shipmentOf(EXAMPLE).events().stream().map(IncomingEvent::dedupeKey).toList();
        List<String> again = shipmentOf(EXAMPLE.deepCopy()).events().stream().map(IncomingEvent::dedupeKey).toList();

        assertEquals(first, again);
        assertEquals(first.size(), new HashSet<>(first).size());
        // the key is the content's, not the delivery's: a redelivery under another event_id dedupes too
        ObjectNode redelivery = edit(EXAMPLE, "event_id", "\"d4c1b1e2-0000-4000-8000-000000000000\"");
        assertEquals(first, shipmentOf(redelivery).events().stream().map(IncomingEvent::dedupeKey).toList());
    }

    @ParameterizedTest(name = "{0} / {1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "Pending, Pending_001, Pending, -",
        "InfoReceived, InfoReceived_001, InfoReceived, -",
        "InTransit, InTransit_001, InTransit, -",
        "InTransit, InTransit_002, InTransit, InTransit_PickedUp",
        "InTransit, InTransit_003, InTransit, InTransit_ArrivedAtFacility",
        "InTransit, InTransit_004, InTransit, InTransit_ArrivedAtDestinationCountry",
        "InTransit, InTransit_005, InTransit, InTransit_CustomsCleared",
        "InTransit, InTransit_006, InTransit, -",
        "InTransit, InTransit_007, InTransit, InTransit_DepartedFacility",
        "InTransit, InTransit_008, InTransit, -",
        "InTransit, InTransit_009, InTransit, InTransit_Rerouted",
        "OutForDelivery, OutForDelivery_001, OutForDelivery, -",
        "OutForDelivery, OutForDelivery_003, OutForDelivery, -",
        "OutForDelivery, OutForDelivery_004, OutForDelivery, OutForDelivery_AppointmentScheduled",
        "AttemptFail, AttemptFail_001, AttemptFail, -",
        "AttemptFail, AttemptFail_002, AttemptFail, AttemptFail_RecipientUnavailable",
        "AttemptFail, AttemptFail_003, AttemptFail, AttemptFail_BusinessClosed",
        "AvailableForPickup, AvailableForPickup_001, AvailableForPickup, AvailableForPickup_PickupPoint",
        "Delivered, Delivered_001, Delivered, -",
        "Delivered, Delivered_002, Delivered, Delivered_PickedUp",
        "Delivered, Delivered_003, Delivered, Delivered_Signed",
        "Delivered, Delivered_004, Delivered, -",
        "Delivered, Delivered_005, Delivered, Delivered_Neighbour",
        "Exception, Exception_001, Exception, -",
        "Exception, Exception_002, Exception, Exception_AddressIssue",
        "Exception, Exception_003, Exception, Exception_Refused",
        "Exception, Exception_004, Exception, Exception_CustomsDelay",
        "Exception, Exception_005, Exception, Exception_Delayed",
        "Exception, Exception_006, Exception, Exception_HeldForPayment",
        "Exception, Exception_007, Exception, Exception_AddressIssue",
        "Exception, Exception_008, Exception, -",
        "Exception, Exception_009, Exception, -",
        "Exception, Exception_010, Exception, Exception_ReturningToSender",
        "Exception, Exception_011, Exception, Exception_ReturnedToSender",
        "Exception, Exception_012, Exception, Exception_Damaged",
        "Exception, Exception_013, Exception, Exception_Lost",
        "Exception, Exception_016, Exception, Exception_Delayed",
        "Exception, Exception_017, Exception, Exception_Delayed",
        "Exception, Exception_018, Exception, Exception_CustomsDelay",
        "Exception, Exception_019, Exception, Exception_Delayed",
        "Exception, Exception_020, Exception, Exception_Cancelled",
        "Exception, Exception_021, Exception, -",
        "Expired, Expired_001, Expired, Expired_NoUpdates",
        // no subtag, a subtag of another tag, a subtag added after this table: the tag decides
        "Delivered, -, Delivered, -",
        "Delivered, Exception_013, Delivered, -",
        "InTransit, InTransit_099, InTransit, -",
        // a tag we do not know: the subtag's prefix, else Pending
        "Returned, Exception_011, Exception, Exception_ReturnedToSender",
        "Somewhere, -, Pending, -",
        "-, -, Pending, -",
    })
    void tags_and_subtags_map_to_the_canonical_taxonomy(String tag, String subtag, ShipmentStatus status,
                                                       Substatus substatus) throws InvalidPayload {
        assertEquals(new CanonicalStatus(status, substatus), AfterShipWebhook.status(tag, subtag));

        ObjectNode body = edit(edit(EXAMPLE, "msg.checkpoints[0].tag", tag == null ? "null" : '"' + tag + '"'),
                "msg.checkpoints[0].subtag", subtag == null ? "null" : '"' + subtag + '"');
        IncomingEvent event = firstEventOf(body);
        assertEquals(new CanonicalStatus(status, substatus), event.status());
        assertEquals(subtag != null ? subtag : tag, event.rawStatus());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "ups, ups",
        "fedex, fedex",
        "usps, usps",
        "dhl, dhl",
        "amazon, amazon",
        "amazon-shipping, amazon",
        "amazon-fba-us, amazon",
        "ontrac, ontrac",
        "USPS, usps",
        // carriers Landfall does not know keep AfterShip's slug, which is a valid carrier code
        "dhl-global-mail, dhl-global-mail",
        "royal-mail, royal-mail",
        "la-poste-colissimo, la-poste-colissimo",
        // AfterShip could not tell, or the slug is unusable: detect from the number
        "unrecognized, -",
        "'not a slug!', -",
        "'-leading-dash', -",
        "this-slug-is-far-too-long-to-be-a-carrier-code, -",
        "-, -",
    })
    void slugs_map_to_carrier_codes(String slug, String carrier) throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "msg.slug", slug == null ? REMOVE : '"' + slug + '"');
        assertEquals(carrier, shipmentOf(body).carrier());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "USA, US", "DEU, DE", "GBR, GB", "CHN, CN", "HKG, HK", "CAN, CA", "usa, US",
        // not an alpha-3 code of the JDK's tables: no country rather than a wrong one
        "XXX, -", "U.S., -", "'', -",
    })
    void alpha3_countries_become_alpha2(String iso3, String alpha2) throws InvalidPayload {
        IncomingEvent event = shipmentOf(edit(EXAMPLE, "msg.checkpoints[1].country_iso3", '"' + iso3 + '"')).events().get(1);
        assertEquals(alpha2, event.country());
    }

    @Test
    void dated_api_versions_name_the_country_region_and_postal_code_differently() throws InvalidPayload {
        ObjectNode body = edit(EXAMPLE, "msg.checkpoints[1]", """
                {"checkpoint_time": "2021-01-02T14:12:00-06:00", "tag": "InTransit", "subtag": "InTransit_002",
                 "message": "USPS in possession of item", "city": "AUSTIN", "state": "TX", "postal_code": "78701",
                 "country_region": "USA", "country_region_name": "United States", "location": null,
                 "source": "carrier", "events": []}""");
        body = edit(body, "msg.expected_delivery", REMOVE);
        body = edit(body, "msg.courier_estimated_delivery_date", """
                {"estimated_delivery_date": null, "estimated_delivery_date_min": "2021-01-04",
                 "estimated_delivery_date_max": "2021-01-06"}""");

        ShipmentUpsert shipment = shipmentOf(body);
        IncomingEvent event = shipment.events().get(1);
        assertEquals("US", event.country());
        assertEquals("78701", event.postalCode());
        assertEquals("AUSTIN, TX, US", event.location());
        assertEquals(LocalDate.of(2021, 1, 6), shipment.carrierEstimatedDelivery());

        ObjectNode single = edit(body, "msg.courier_estimated_delivery_date",
                "{\"estimated_delivery_date\": \"2021-01-05T18:00:00-05:00\"}");
        assertEquals(LocalDate.of(2021, 1, 5), shipmentOf(single).carrierEstimatedDelivery());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        "2021-01-02T14:12:00-06:00, 2021-01-02T20:12:00Z",
        "2021-01-02T14:12:00+0800, 2021-01-02T06:12:00Z",
        "2021-01-02T14:12:00Z, 2021-01-02T14:12:00Z",
        "2021-01-02T14:12:00.000Z, 2021-01-02T14:12:00Z",
        // without offset: the checkpoint's local time, read as UTC
        "2021-01-02T14:12:00, 2021-01-02T14:12:00Z",
        "2021-01-02T14:12, 2021-01-02T14:12:00Z",
        // a bare date (documented as possible): midnight UTC
        "2021-01-02, 2021-01-02T00:00:00Z",
    })
    void checkpoint_times_with_and_without_offset(String written, String instant) throws InvalidPayload {
        IncomingEvent event = firstEventOf(edit(EXAMPLE, "msg.checkpoints[0].checkpoint_time", '"' + written + '"'));
        assertEquals(OffsetDateTime.parse(instant).toInstant(), event.occurredAt().toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "null", REMOVE})
    void a_checkpoint_without_a_time_is_left_out(String time) throws InvalidPayload {
        ShipmentUpsert shipment = shipmentOf(edit(EXAMPLE, "msg.checkpoints[0].checkpoint_time", time));
        assertEquals(4, shipment.events().size());
        assertEquals("InTransit_002", shipment.events().get(0).rawStatus());
    }

    @Test
    void without_checkpoints_there_are_no_events_even_with_a_tag() throws InvalidPayload {
        for (String checkpoints : List.of("[]", "null", REMOVE)) {
            ShipmentUpsert shipment = shipmentOf(edit(EXAMPLE, "msg.checkpoints", checkpoints));
            assertEquals(List.of(), shipment.events());
            assertEquals("9361289676091361892011", shipment.trackingNumber());
        }
    }

    @ParameterizedTest(name = "order_number={0} order_id={1} -> {2} / {3}")
    @CsvSource(nullValues = "-", value = {
        "'\"#1001\"', null, 1001, -",
        "'\"1001\"', null, 1001, -",
        "'\"# 1001\"', null, 1001, -",
        "'\"#1001\"', '\"450789469\"', 1001, 450789469",
        "null, '\"450789469\"', 450789469, 450789469",
        "1001, null, 1001, -",
        "'\"\"', '\"ORD-7\"', ORD-7, ORD-7",
        "null, null, -, -",
    })
    void order_number_falls_back_to_the_order_id(String orderNumber, String orderId, String expectedNumber,
                                                 String expectedExternalId) throws InvalidPayload {
        ShipmentUpsert shipment = shipmentOf(edit(edit(EXAMPLE, "msg.order_number", orderNumber), "msg.order_id", orderId));
        assertEquals(expectedNumber, shipment.orderNumber());
        assertEquals(expectedExternalId, shipment.orderExternalId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"edd_revise", "tracking_pending_time", "test", "Tracking_Update"})
    void other_events_are_acknowledged_without_content(String event) throws InvalidPayload {
        WebhookContent content = AfterShipWebhook.parse(edit(EXAMPLE, "event", '"' + event + '"'));
        assertEquals(new WebhookContent("3f645f5e-530b-4062-8695-db6a64420af8", List.of(), List.of()), content);

        // whatever else the body holds
        ObjectNode ping = (ObjectNode) json("{\"event\": \"" + event + "\", \"msg\": 42}");
        assertEquals(new WebhookContent(null, List.of(), List.of()), AfterShipWebhook.parse(ping));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "event                              | <remove>          | event                              | is required",
        "event                              | 1                 | event                              | must be a string",
        "event_id                           | <remove>          | event_id                           | is required",
        "event_id                           | 17                | event_id                           | must be a string",
        "msg                                | <remove>          | msg                                | is required",
        "msg                                | '[]'              | msg                                | must be an object",
        "msg.tracking_number                | <remove>          | msg.tracking_number                | is required",
        "msg.tracking_number                | '\"  \"'          | msg.tracking_number                | is required",
        "msg.tracking_number                | 9361289676091361  | msg.tracking_number                | must be a string",
        "msg.tracking_number                | '\"ABC\"'         | msg.tracking_number                | must be 4 to 64 letters and digits (spaces and dashes are ignored)",
        "msg.tracking_number                | '\"9361/2896\"'   | msg.tracking_number                | must be 4 to 64 letters and digits (spaces and dashes are ignored)",
        "msg.slug                           | true              | msg.slug                           | must be a string",
        "msg.order_number                   | '{}'              | msg.order_number                   | must be a string or a whole number",
        "msg.expected_delivery              | '\"soon\"'        | msg.expected_delivery              | must be a date (YYYY-MM-DD) or an ISO-8601 time",
        "msg.expected_delivery              | '\"2021-02-30\"'  | msg.expected_delivery              | must be a date (YYYY-MM-DD) or an ISO-8601 time",
        "msg.checkpoints                    | '{}'              | msg.checkpoints                    | must be an array",
        "msg.checkpoints[2]                 | '\"scan\"'        | msg.checkpoints[2]                 | must be an object",
        "msg.checkpoints[1].checkpoint_time | '\"yesterday\"'   | msg.checkpoints[1].checkpoint_time | must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00",
        "msg.checkpoints[1].checkpoint_time | 1609618320        | msg.checkpoints[1].checkpoint_time | must be a string",
        "msg.checkpoints[3].tag             | 3                 | msg.checkpoints[3].tag             | must be a string",
        "msg.checkpoints[3].message         | '[\"Out\"]'       | msg.checkpoints[3].message         | must be a string",
        "msg.checkpoints[4].country_iso3    | 840               | msg.checkpoints[4].country_iso3    | must be a string",
    })
    void malformed_members_are_refused_with_their_path(String path, String literal, String field, String message) {
        List<Map<String, String>> errors = errors(() -> AfterShipWebhook.parse(edit(EXAMPLE, path, literal)));
        assertEquals(List.of(Map.of("field", field, "message", message)), errors);
    }

    @Test
    void every_problem_is_reported_at_once() {
        ObjectNode body = edit(edit(EXAMPLE, "event_id", REMOVE), "msg.checkpoints[0].checkpoint_time", "\"never\"");
        List<String> fields = errors(() -> AfterShipWebhook.parse(body)).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("event_id", "msg.checkpoints[0].checkpoint_time"), fields);
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        assertEquals(List.of(Map.of("field", "$", "message", "must be a JSON object")),
                errors(() -> AfterShipWebhook.parse(json("[1, 2]"))));
        assertEquals(List.of(Map.of("field", "$", "message", "must be a JSON object")),
                errors(() -> AfterShipWebhook.parse(null)));
    }

    @Test
    void long_free_text_is_cut_not_refused_and_extra_members_are_ignored() throws InvalidPayload {
        String longMessage = "Delayed ".repeat(300);
        ObjectNode body = edit(EXAMPLE, "msg.checkpoints[0].message", '"' + longMessage + '"');
        body = edit(body, "msg.checkpoints[0].city", '"' + "C".repeat(150) + '"');
        body = edit(body, "msg.checkpoints[0].zip", "\"" + "9".repeat(30) + "\"");
        body = edit(body, "msg.a_field_from_the_future", "{\"nested\": [1, 2, 3]}");
        body = edit(body, "msg.checkpoints[0].hash", "\"1b2c3d\"");

        IncomingEvent event = firstEventOf(body);
        assertEquals(PayloadFormats.MAX_MESSAGE, event.message().length() + 1); // cut at 1000, then the trailing space stripped
        assertTrue(longMessage.startsWith(event.message()));
        assertEquals(100, event.city().length());
        assertNull(event.postalCode());
        assertNotEquals(firstEventOf(EXAMPLE).dedupeKey(), event.dedupeKey());
    }

    @Test
    void a_missing_message_falls_back_to_the_subtag_message() throws InvalidPayload {
        IncomingEvent event = firstEventOf(edit(EXAMPLE, "msg.checkpoints[0].message", REMOVE));
        assertEquals("Info Received", event.message());
    }
}
