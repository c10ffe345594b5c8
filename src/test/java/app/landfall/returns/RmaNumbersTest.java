package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RmaNumbersTest {
    @Test
    void numbers_have_the_form_and_no_ambiguous_characters() {
        RmaNumbers numbers = new RmaNumbers(new Random(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String rma = numbers.next();
            assertTrue(rma.matches("R-[34679ACDEFGHJKMNPQRTUVWXY]{6}"), rma);
            assertTrue(rma.matches("^[A-Z0-9-]{3,32}$"), "fits the database's check: " + rma);
            seen.add(rma);
        }
        assertTrue(seen.size() > 9_990, "random enough that collisions are rare: " + seen.size());
        for (char c : "0O1IL2Z5S8B".toCharArray()) {
            assertTrue(RmaNumbers.ALPHABET.indexOf(c) < 0, "ambiguous " + c);
        }
    }

    @Test
    void a_typed_number_is_found_however_it_was_typed() {
        assertEquals("R-7K3P9Q", RmaNumbers.normalize(" r-7k3p9q "));
        assertEquals("R-7K3P9Q", RmaNumbers.normalize("R7K3P9Q"));
        assertEquals("R-7K3P9Q", RmaNumbers.normalize("r 7k3 p9q"));
        assertEquals("R-7K3P9Q", RmaNumbers.normalize("7K3P9Q"));
    }
}
