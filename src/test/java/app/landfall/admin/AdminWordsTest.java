package app.landfall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin says carriers, statuses and times in words, never in stored codes. */
class AdminWordsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(nullValues = "null", value = {
        "usps, USPS",
        "ups, UPS",
        "fedex, FedEx",
        "dhl, DHL Express",
        "USPS, USPS",
        "' ups ', UPS",
        "amazon, Amazon Logistics",
        "royal_mail, Royal mail",
        "null, —",
        "'', —"})
    void a_carrier_is_named_as_people_know_it(String code, String shown) {
        assertEquals(shown, AdminWords.carrier(code));
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
        "Pending, Waiting for the carrier, neutral",
        "InfoReceived, Label created, info",
        "InTransit, In transit, info",
        "OutForDelivery, Out for delivery, info",
        "AttemptFail, Delivery attempt failed, warning",
        "AvailableForPickup, Ready for pickup, warning",
        "Delivered, Delivered, success",
        "Exception, Exception, critical",
        "Expired, No updates, warning",
        "SomethingNew, Something new, neutral"})
    void a_shipment_status_is_said_in_words_with_its_tone(String code, String words, String tone) {
        assertEquals(words, AdminWords.shipmentStatus(code));
        assertEquals(tone, AdminWords.shipmentTone(code));
    }

    @ParameterizedTest(name = "{0} / {1} is {2}")
    @CsvSource({
        "InTransit, InTransit_DepartedFacility, In transit (left a facility)",
        "Delivered, Delivered_Neighbour, Delivered (left with a neighbour)",
        "Exception, Exception_ReturnedToSender, Exception (returned to the sender)",
        "AttemptFail, AttemptFail_SomeNewReason, Delivery attempt failed (some new reason)",
        "InfoReceived, InfoReceived_LabelCreated, Label created"})
    void a_substatus_adds_its_detail_in_words(String status, String substatus, String words) {
        assertEquals(words, AdminWords.shipmentStatus(status, substatus));
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
        "requested, Requested, warning",
        "approved, Approved, info",
        "in_transit, In transit, info",
        "received, Received, info",
        "refunded, Refunded, success",
        "credited, Store credit issued, success",
        "exchanged, Exchanged, success",
        "rejected, Rejected, critical",
        "cancelled, Cancelled, neutral",
        "expired, Expired, neutral"})
    void a_return_status_is_said_in_words_and_an_ended_return_is_never_a_success(String code, String words, String tone) {
        assertEquals(words, AdminWords.returnStatus(code));
        assertEquals(tone, AdminWords.returnTone(code));
    }

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource(nullValues = "null", value = {
        "ups, Ground, UPS · Ground",
        "dhl, DHL Express Worldwide, DHL Express Worldwide",
        "usps, null, USPS",
        "fedex, '', FedEx"})
    void a_carrier_and_its_service_name_the_carrier_once(String code, String service, String shown) {
        assertEquals(shown, AdminWords.carrier(code, service));
    }

    @ParameterizedTest(name = "{0} after")
    @CsvSource({"PT20S, at once", "PT2M30S, 2 min later", "PT3H, 3 h later", "P3D, 3 days later"})
    void a_delay_is_said_in_round_words(String delay, String shown) {
        OffsetDateTime from = OffsetDateTime.parse("2026-12-07T10:00:00Z");
        assertEquals(shown, AdminWords.later(from, from.plus(java.time.Duration.parse(delay))));
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
        "2026-12-07T22:05:00Z, America/Los_Angeles, 'Dec 7, 2026 14:05 PST'",
        "2026-07-07T12:05:00Z, America/New_York, 'Jul 7, 2026 08:05 EDT'",
        "2026-12-08T13:05:00Z, Europe/Berlin, 'Dec 8, 2026 14:05 CET'",
        "2026-12-08T13:05:00Z, UTC, 'Dec 8, 2026 13:05 UTC'"})
    void a_time_names_its_time_zone(String instant, String zone, String shown) {
        assertEquals(shown, AdminPages.time(OffsetDateTime.parse(instant), ZoneId.of(zone)));
    }
}
