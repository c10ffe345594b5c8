package app.landfall.hooks;

import app.landfall.tracking.Substatus;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.CanonicalStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyStatusesTest {

    private static void assertMaps(String shopifyStatus, String expectedStatus, String expectedSubstatus) {
        CanonicalStatus actual = ShopifyStatuses.map(shopifyStatus);
        assertEquals(ShipmentStatus.fromCode(expectedStatus).orElseThrow(), actual.status(), "status");
        assertEquals(expectedSubstatus == null ? null : Substatus.fromCode(expectedSubstatus).orElseThrow(),
                actual.substatus(), "substatus");
    }

    @ParameterizedTest
    @CsvSource({
        "label_printed,      InfoReceived,       InfoReceived_LabelCreated",
        "label_purchased,    InfoReceived,       InfoReceived_LabelCreated",
        "confirmed,          InfoReceived,",
        "carrier_picked_up,  InTransit,          InTransit_PickedUp",
        "in_transit,         InTransit,",
        "out_for_delivery,   OutForDelivery,",
        "attempted_delivery, AttemptFail,",
        "ready_for_pickup,   AvailableForPickup, AvailableForPickup_PickupPoint",
        "picked_up,          Delivered,          Delivered_PickedUp",
        "delayed,            Exception,          Exception_Delayed",
        "delivered,          Delivered,",
        "failure,            Exception,",
    })
    void maps_every_shopify_status(String shopifyStatus, String expected, String expectedSub) {
        assertMaps(shopifyStatus, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        "buyer_action_required,      Exception,",
        "ready_for_recipient_pickup, AvailableForPickup, AvailableForPickup_PickupPoint",
        "returning_to_sender,        Exception,          Exception_ReturningToSender",
    })
    void maps_the_statuses_of_shopifys_unstable_api(String shopifyStatus, String expected, String expectedSub) {
        assertMaps(shopifyStatus, expected, expectedSub);
    }

    @ParameterizedTest
    @CsvSource({
        "CARRIER_PICKED_UP,      InTransit,     InTransit_PickedUp",
        "'  Out_For_Delivery  ', OutForDelivery,",
        "'\tDELIVERED\n',        Delivered,",
    })
    void matching_ignores_case_and_surrounding_whitespace(String shopifyStatus, String expected, String expectedSub) {
        assertMaps(shopifyStatus, expected, expectedSub);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "shipped", "in transit", "lost_in_the_post", "☃"})
    void unknown_shopify_strings_map_to_pending_without_throwing(String shopifyStatus) {
        assertMaps(shopifyStatus, "Pending", null);
    }
}
