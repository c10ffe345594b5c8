package app.landfall.hooks;

import app.landfall.tracking.Substatus;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.CanonicalStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasyPostStatusesTest {

    // as documented for the Tracker object (docs.easypost.com/docs/trackers)
    private static final List<String> STATUSES = List.of("unknown", "pre_transit", "in_transit",
            "out_for_delivery", "delivered", "available_for_pickup", "return_to_sender", "failure",
            "cancelled", "error");
    private static final List<String> DETAILS = List.of("address_correction",
            "arrived_at_destination", "arrived_at_facility", "arrived_at_pickup_location",
            "awaiting_information", "cancelled", "damaged", "delayed", "delivery_exception",
            "departed_facility", "departed_origin_facility", "expired", "failure", "held", "in_transit",
            "label_created", "lost", "missorted", "out_for_delivery", "received_at_destination_facility",
            "received_at_origin_facility", "refused", "return", "status_update",
            "transferred_to_destination_carrier", "transit_exception", "unknown", "weather_delay");

    private static void assertMaps(String status, String detail, String expectedStatus, String expectedSubstatus) {
        CanonicalStatus actual = EasyPostStatuses.map(status, detail);
        assertEquals(ShipmentStatus.fromCode(expectedStatus).orElseThrow(), actual.status(), "status");
        assertEquals(expectedSubstatus == null ? null : Substatus.fromCode(expectedSubstatus).orElseThrow(),
                actual.substatus(), "substatus");
    }

    @ParameterizedTest
    @CsvSource({
        "unknown,              , Pending,",
        "pre_transit,          , InfoReceived,",
        "in_transit,           , InTransit,",
        "out_for_delivery,     , OutForDelivery,",
        "delivered,            , Delivered,",
        "available_for_pickup, , AvailableForPickup,",
        "return_to_sender,     , Exception, Exception_ReturningToSender",
        "failure,              , Exception,",
        "cancelled,            , Exception, Exception_Cancelled",
        "error,                , Pending,",
    })
    void maps_every_easypost_status(String status, String detail, String expected, String expectedSub) {
        assertMaps(status, detail, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        "pre_transit,          label_created,                      InfoReceived,       InfoReceived_LabelCreated",
        "pre_transit,          awaiting_information,               InfoReceived,",
        "in_transit,           status_update,                      InTransit,",
        "in_transit,           unknown,                            InTransit,",
        "in_transit,           in_transit,                         InTransit,",
        "in_transit,           received_at_origin_facility,        InTransit,          InTransit_PickedUp",
        "in_transit,           arrived_at_facility,                InTransit,          InTransit_ArrivedAtFacility",
        "in_transit,           received_at_destination_facility,   InTransit,          InTransit_ArrivedAtFacility",
        "in_transit,           departed_facility,                  InTransit,          InTransit_DepartedFacility",
        "in_transit,           departed_origin_facility,           InTransit,          InTransit_DepartedFacility",
        "in_transit,           arrived_at_destination,             InTransit,          InTransit_ArrivedAtDestinationCountry",
        "in_transit,           transferred_to_destination_carrier, InTransit,          InTransit_HandedToLocalCarrier",
        "in_transit,           missorted,                          InTransit,          InTransit_Rerouted",
        "in_transit,           address_correction,                 Exception,          Exception_AddressIssue",
        "in_transit,           delayed,                            Exception,          Exception_Delayed",
        "in_transit,           weather_delay,                      Exception,          Exception_Delayed",
        "in_transit,           held,                               Exception,",
        "in_transit,           transit_exception,                  Exception,",
        "in_transit,           lost,                               Exception,          Exception_Lost",
        "in_transit,           damaged,                            Exception,          Exception_Damaged",
        "in_transit,           expired,                            Expired,            Expired_NoUpdates",
        "out_for_delivery,     out_for_delivery,                   OutForDelivery,",
        "out_for_delivery,     delivery_exception,                 AttemptFail,",
        "available_for_pickup, arrived_at_pickup_location,         AvailableForPickup, AvailableForPickup_PickupPoint",
        "failure,              failure,                            Exception,",
        "failure,              refused,                            Exception,          Exception_Refused",
        "failure,              cancelled,                          Exception,          Exception_Cancelled",
        "failure,              return,                             Exception,          Exception_ReturningToSender",
    })
    void maps_every_easypost_status_detail(String status, String detail, String expected, String expectedSub) {
        assertMaps(status, detail, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        // a final or already specific status is not overridden by the detail
        "delivered,            delayed,                    Delivered,          ",
        "delivered,            arrived_at_facility,        Delivered,          ",
        "return_to_sender,     refused,                    Exception,          Exception_ReturningToSender",
        "cancelled,            lost,                       Exception,          Exception_Cancelled",
        "available_for_pickup, delayed,                    AvailableForPickup, ",
        "failure,              delivery_exception,         Exception,          ",
        "failure,              arrived_at_facility,        Exception,          ",
        // a detail from another step does not move an on-track status
        "in_transit,           label_created,              InTransit,          ",
        "in_transit,           arrived_at_pickup_location, InTransit,          ",
        "out_for_delivery,     arrived_at_facility,        OutForDelivery,     ",
        // with no status, the detail is all there is
        "unknown,              arrived_at_facility,        InTransit,          InTransit_ArrivedAtFacility",
        "unknown,              label_created,              InfoReceived,       InfoReceived_LabelCreated",
        "error,                arrived_at_pickup_location, AvailableForPickup, AvailableForPickup_PickupPoint",
        // a problem wins over an on-track status
        "pre_transit,          lost,                       Exception,          Exception_Lost",
    })
    void status_and_detail_combine_by_precedence(String status, String detail, String expected, String expectedSub) {
        assertMaps(status, detail, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        "'  IN_TRANSIT ', ' Arrived_At_Facility ', InTransit, InTransit_ArrivedAtFacility",
        "Delivered,       STATUS_UPDATE,           Delivered,",
        "'Return_To_Sender\t', ,                   Exception, Exception_ReturningToSender",
    })
    void matching_ignores_case_and_surrounding_whitespace(String status, String detail, String expected, String expectedSub) {
        assertMaps(status, detail, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        ",           ,              Pending,",
        "'',         '',            Pending,",
        "'   ',      '   ',         Pending,",
        "teleported, ,              Pending,",
        "teleported, beamed_up,     Pending,",
        "in_transit, wormhole,      InTransit,",
        "delivered,  signature,     Delivered,",
        "ÉXPÉDIÉ,    ☃,             Pending,",
    })
    void unknown_easypost_strings_do_not_throw(String status, String detail, String expected, String expectedSub) {
        assertMaps(status, detail, expected, expectedSub);
    }

    @Test
    void every_documented_status_and_detail_pair_maps_without_throwing() {
        for (String status : STATUSES) {
            CanonicalStatus alone = EasyPostStatuses.map(status, null);
            for (String detail : DETAILS) {
                CanonicalStatus both = EasyPostStatuses.map(status, detail);
                if (status.equals("delivered") || alone.substatus() != null) {
                    assertEquals(alone, both, status + " / " + detail);
                }
            }
        }
    }
}
