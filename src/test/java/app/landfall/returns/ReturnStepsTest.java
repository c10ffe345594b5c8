package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress bar on a return's page: it never shows a step the return cannot take, nor an ended return as a success. */
class ReturnStepsTest {
    private static List<String> names(List<Map<String, Object>> steps) {
        return steps.stream().map(s -> s.get("key") + "=" + s.get("state")).toList();
    }

    @Test
    void an_in_store_return_has_no_parcel_on_its_way_back() {
        assertEquals(List.of("return.status.requested=done", "return.status.approved=current", "return.status.received=upcoming",
                "return.status.refunded=upcoming"), names(ReturnPages.steps(ReturnStatus.APPROVED, "refund", "in_store")));
        assertEquals(List.of("return.status.requested=done", "return.status.approved=done", "return.status.received=current",
                "return.status.credited=upcoming"), names(ReturnPages.steps(ReturnStatus.RECEIVED, "store_credit", "in_store")));
    }

    @Test
    void a_parcel_return_goes_on_its_way_back() {
        assertEquals(List.of("return.status.requested=done", "return.status.approved=done", "return.status.in_transit=current",
                "return.status.received=upcoming", "return.status.exchanged=upcoming"),
                names(ReturnPages.steps(ReturnStatus.IN_TRANSIT, "exchange", "qr_dropoff")));
    }

    @Test
    void a_cancelled_return_ends_in_its_own_tone_and_drops_the_steps_it_never_took() {
        assertEquals(List.of("return.status.requested=done", "return.status.cancelled=ended cancelled"),
                names(ReturnPages.steps(ReturnStatus.CANCELLED, "refund", "qr_dropoff")));
        assertEquals(List.of("return.status.requested=done", "return.status.rejected=ended rejected"),
                names(ReturnPages.steps(ReturnStatus.REJECTED, "refund", "printable_label")));
    }
}
