package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrivalTest {
    private static LocalDate d(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    @ParameterizedTest(name = "{0}: carrier {1}, predicted {2}..{3}, promised {4}, ready {5}, by {6} -> {7} {8}..{9}, late {10} {11}")
    @CsvSource({
            // status, carrier, predicted from, to, promised, ready since, pickup by -> kind, from, to, late basis, days  (the customer's today is 2026-11-23)
            "OutForDelivery, 2026-11-24, , , , , , TODAY, 2026-11-23, 2026-11-23, , 0",
            "OutForDelivery, 2026-11-22, , , , , , TODAY, 2026-11-23, 2026-11-23, ESTIMATE, 1",
            "OutForDelivery, , , , 2026-11-21, , , TODAY, 2026-11-23, 2026-11-23, PROMISED, 2",
            "OutForDelivery, , , , , , , TODAY, 2026-11-23, 2026-11-23, , 0",
            "AvailableForPickup, 2026-11-20, , , 2026-11-19, 2026-11-21, 2026-11-28, PICKUP, 2026-11-21, 2026-11-28, , 0",
            "AvailableForPickup, , , , , , , PICKUP, , , , 0",
            "InTransit, 2026-11-25, , , , , , ESTIMATED, 2026-11-25, 2026-11-25, , 0",
            "InTransit, 2026-11-23, , , , , , ESTIMATED, 2026-11-23, 2026-11-23, , 0",
            "InTransit, 2026-11-24, , , 2026-11-23, , , ESTIMATED, 2026-11-24, 2026-11-24, PROMISED, 1",
            "InTransit, 2026-11-21, , , , , , OVERDUE, 2026-11-21, 2026-11-21, ESTIMATE, 2",
            "InTransit, 2026-11-21, , , 2026-11-20, , , OVERDUE, 2026-11-21, 2026-11-21, PROMISED, 3",
            "InTransit, , 2026-11-20, 2026-11-22, , , , OVERDUE, 2026-11-20, 2026-11-22, ESTIMATE, 1",
            "InTransit, , 2026-11-24, 2026-11-26, 2026-11-25, , , RANGE, 2026-11-24, 2026-11-26, PROMISED, 1",
            "InTransit, , , , 2026-11-27, , , PROMISED, 2026-11-27, 2026-11-27, , 0",
            "InTransit, , , , 2026-11-22, , , OVERDUE, 2026-11-22, 2026-11-22, PROMISED, 1",
            "InTransit, , , , , , , NONE, , , , 0",
            "Expired, 2026-11-01, , , 2026-11-02, , , NONE, , , , 0",
    })
    void says_when_and_against_what_a_parcel_is_late(String status, String carrier, String from, String to, String promised,
            String ready, String by, Arrival.Kind kind, String expectedFrom, String expectedTo, Arrival.Basis basis, long days) {
        Arrival a = Arrival.of(new Arrival.Facts(status, null, null, d(carrier), d(from), d(to), d(promised), d(ready), d(by)),
                LocalDate.parse("2026-11-23"));
        assertEquals(new Arrival(kind, d(expectedFrom), d(expectedTo), basis == null ? null : new Arrival.Lateness(basis, days)), a);
    }

    @ParameterizedTest(name = "delivered on {0}")
    @CsvSource({"2026-11-20", "2026-11-23"})
    void a_delivered_parcel_is_never_late_and_keeps_its_day(String day) {
        Arrival a = Arrival.of(new Arrival.Facts("Delivered", null, d(day), d("2026-11-18"), null, null, d("2026-11-17"), null, null),
                LocalDate.parse("2026-11-23"));
        assertEquals(new Arrival(Arrival.Kind.DELIVERED, d(day), d(day), null), a);
    }
}
