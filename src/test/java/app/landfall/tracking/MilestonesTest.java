package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MilestonesTest {

    /** history: status/substatus pairs separated by spaces; expected: one letter per step (d done, c current, u upcoming) and the branch. */
    @ParameterizedTest(name = "{0} after [{1}] reads {2} {3}")
    @CsvSource({
            "Pending, '', cuuuu, ",
            "InfoReceived, InfoReceived/InfoReceived_LabelCreated, cuuuu, ",
            "InTransit, InTransit/InTransit_PickedUp, dcuuu, ",
            "InTransit, InTransit/InTransit_PickedUp InTransit/InTransit_ArrivedAtFacility, ddcuu, ",
            "OutForDelivery, InTransit/ OutForDelivery/, dddcu, ",
            "Delivered, Delivered/Delivered_Signed, ddddc, ",
            "AttemptFail, OutForDelivery/ AttemptFail/AttemptFail_NoSafePlace, dddd-u, AttemptFail",
            "AvailableForPickup, InTransit/ AvailableForPickup/, ddd-uu, AvailableForPickup",
            "Exception, InTransit/InTransit_ArrivedAtFacility Exception/Exception_Damaged, ddd-uu, Exception",
            "Exception, InfoReceived/ Exception/Exception_Cancelled, d-uuuu, Exception",
            "Expired, InfoReceived/, d-uuuu, Expired",
    })
    void shows_how_far_the_parcel_got_and_where_it_left_the_path(String status, String history, String expected, String branch) {
        List<Milestones.Reached> reached = history.isBlank() ? List.of() : java.util.Arrays.stream(history.trim().split(" "))
                .map(h -> h.split("/", -1))
                .map(p -> new Milestones.Reached(p[0], p.length > 1 && !p[1].isEmpty() ? p[1] : null))
                .toList();
        Milestones.Reached last = reached.isEmpty() ? null : reached.get(reached.size() - 1);
        Milestones m = Milestones.of(status, last == null ? null : last.substatus(), reached);
        String actual = m.steps().stream()
                .map(s -> s.stateName().substring(0, 1) + (s.branchAfter() ? "-" : ""))
                .collect(Collectors.joining());
        assertEquals(expected, actual);
        assertEquals(branch, m.branch());
    }

    @ParameterizedTest(name = "a return parcel {0} reads {1}")
    @CsvSource({
            "InfoReceived, return_started:current handed_over:upcoming in_transit:upcoming out_for_delivery:upcoming returned:upcoming",
            "InTransit, return_started:done handed_over:done in_transit:current out_for_delivery:upcoming returned:upcoming",
            "Delivered, return_started:done handed_over:done in_transit:done out_for_delivery:done returned:current",
    })
    void a_return_parcel_starts_at_return_started_and_ends_back_at_the_store(String status, String expected) {
        Milestones m = Milestones.of(status, null, List.of(new Milestones.Reached(status, null)), true);
        assertEquals(expected, m.steps().stream().map(s -> s.name() + ":" + s.stateName()).collect(Collectors.joining(" ")));
    }
}
