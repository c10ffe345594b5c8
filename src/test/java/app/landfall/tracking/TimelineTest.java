package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static TrackingQueries.Event e(String at, String status, String substatus, String message, String location) {
        return new TrackingQueries.Event(OffsetDateTime.parse(at), null, status, substatus, message, location);
    }

    @Test
    void the_same_scan_from_two_sources_shows_once_but_repeated_visits_stay() {
        var aftership = e("2026-11-20T10:00:05Z", "InTransit", "InTransit_ArrivedAtFacility", "Arrived at Facility", "Memphis, TN");
        var easypost = e("2026-11-20T10:00:00Z", "InTransit", "InTransit_ArrivedAtFacility", "ARRIVAL SCAN", "MEMPHIS TN");
        var laterVisit = e("2026-11-19T08:00:00Z", "InTransit", "InTransit_ArrivedAtFacility", "Arrived at Facility", "Memphis, TN");
        var elsewhere = e("2026-11-20T10:05:00Z", "InTransit", "InTransit_ArrivedAtFacility", "Arrived", "Louisville, KY");
        var other = e("2026-11-20T10:01:00Z", "InTransit", "InTransit_DepartedFacility", "Departed", "Memphis, TN");
        assertEquals(List.of(elsewhere, other, aftership, laterVisit),
                Timeline.withoutNearDuplicates(List.of(elsewhere, other, aftership, easypost, laterVisit)));
    }
}
