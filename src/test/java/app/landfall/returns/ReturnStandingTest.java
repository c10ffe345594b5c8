package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words a return's row and its page both show: never "Refunded" beside a parcel in transit without saying so. */
class ReturnStandingTest {

    @ParameterizedTest(name = "{0}, received {1}, parcel {2}: {3}")
    @CsvSource(nullValues = "null", value = {
        "refunded, true, Delivered, Refunded, success",
        "refunded, false, InTransit, Refunded before it arrived, success",
        "credited, false, InfoReceived, Store credit issued before it arrived, success",
        "exchanged, false, OutForDelivery, Exchanged before it arrived, success",
        "refunded, false, null, Refunded, success",
        "refunded, false, Delivered, Refunded, success",
        "in_transit, false, InTransit, In transit, info",
        "in_transit, false, Delivered, 'Arrived, to check', warning",
        "approved, false, Delivered, 'Arrived, to check', warning",
        "received, true, Delivered, Received, info",
        "cancelled, false, null, Cancelled, neutral",
        "rejected, false, null, Rejected, critical",
        "requested, false, null, Requested, warning"})
    void a_return_is_said_the_way_its_state_and_parcel_agree(String status, boolean received, String parcel, String words,
            String tone) {
        ReturnStanding standing = ReturnStanding.of(status, received, parcel);
        assertEquals(words, standing.words());
        assertEquals(tone, standing.tone());
    }
}
