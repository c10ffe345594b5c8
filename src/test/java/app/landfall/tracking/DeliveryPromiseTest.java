package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryPromiseTest {
    private static LocalDate d(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    @ParameterizedTest(name = "{0}/{1}: delivered {2}, carrier {3}, predicted {4}..{5}, promised {6} -> {7} {8}..{9} late={10}")
    @CsvSource({
            // status, substatus, delivered, carrier, from, to, promised, kind, from, to, late  (today is 2026-11-23)
            "Delivered, Delivered_Signed, 2026-11-20, 2026-11-19, , , 2026-11-18, DELIVERED, 2026-11-20, 2026-11-20, false",
            "InTransit, , , 2026-11-25, 2026-11-24, 2026-11-26, , ESTIMATED, 2026-11-25, 2026-11-25, false",
            "InTransit, , , , 2026-11-24, 2026-11-26, , RANGE, 2026-11-24, 2026-11-26, false",
            "InTransit, , , , 2026-11-24, 2026-11-24, , ESTIMATED, 2026-11-24, 2026-11-24, false",
            "InTransit, , , , , , 2026-11-27, PROMISED, 2026-11-27, 2026-11-27, false",
            "InTransit, , , , , , , NONE, , , false",
            "InTransit, , , 2026-11-25, , , 2026-11-22, ESTIMATED, 2026-11-25, 2026-11-25, true",
            "OutForDelivery, , , 2026-11-22, , , , ESTIMATED, 2026-11-22, 2026-11-22, true",
            "InTransit, , , , 2026-11-20, 2026-11-22, , RANGE, 2026-11-20, 2026-11-22, true",
            "InTransit, , , 2026-11-23, , , 2026-11-23, ESTIMATED, 2026-11-23, 2026-11-23, false",
            "Exception, Exception_Lost, , 2026-11-20, , , 2026-11-18, NONE, , , false",
            "Exception, Exception_Delayed, , 2026-11-26, , , 2026-11-21, ESTIMATED, 2026-11-26, 2026-11-26, true",
            "Expired, Expired_NoUpdates, , 2026-10-01, , , , NONE, , , false",
    })
    void says_when_the_parcel_comes_and_whether_it_is_late(String status, String substatus, String delivered, String carrier,
            String from, String to, String promised, DeliveryPromise.Kind kind, String expectedFrom, String expectedTo, boolean late) {
        DeliveryPromise p = DeliveryPromise.of(status, substatus, d(delivered), d(carrier), d(from), d(to), d(promised),
                LocalDate.parse("2026-11-23"));
        assertEquals(new DeliveryPromise(kind, d(expectedFrom), d(expectedTo), late), p);
    }
}
