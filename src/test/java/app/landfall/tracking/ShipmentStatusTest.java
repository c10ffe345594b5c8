package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.tracking.ShipmentStatus.Milestone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentStatusTest {

    private static final Path MIGRATION = Path.of("migrations/V003__create_shipments.sql");

    @ParameterizedTest
    @CsvSource({
        // status,          position, final, exception branch, milestone
        "Pending,            1, false, false, ORDERED",
        "InfoReceived,       2, false, false, SHIPPED",
        "InTransit,          3, false, false, IN_TRANSIT",
        "OutForDelivery,     4, false, false, OUT_FOR_DELIVERY",
        "AttemptFail,        5, false, true,  OUT_FOR_DELIVERY",
        "AvailableForPickup, 6, false, true,  OUT_FOR_DELIVERY",
        "Delivered,          7, true,  false, DELIVERED",
        "Exception,          8, false, true,  IN_TRANSIT",
        "Expired,            9, true,  true,  IN_TRANSIT",
    })
    void every_status_has_its_position_finality_branch_and_milestone(
            String code, int position, boolean isFinal, boolean exceptionBranch, Milestone milestone) {
        ShipmentStatus status = ShipmentStatus.fromCode(code).orElseThrow();
        assertEquals(code, status.code());
        assertEquals(position, status.ordinal() + 1);
        assertEquals(isFinal, status.isFinal());
        assertEquals(exceptionBranch, status.isExceptionBranch());
        assertEquals(milestone, status.milestone());
    }

    @Test
    void the_table_above_lists_every_status() {
        assertEquals(9, ShipmentStatus.values().length);
    }

    @Test
    void from_code_is_an_exact_match() {
        assertEquals(Optional.empty(), ShipmentStatus.fromCode("delivered"));
        assertEquals(Optional.empty(), ShipmentStatus.fromCode(" Delivered"));
        assertEquals(Optional.empty(), ShipmentStatus.fromCode(null));
        assertEquals(Optional.empty(), Substatus.fromCode("delivered_signed"));
        assertEquals(Optional.empty(), Substatus.fromCode(null));
        assertEquals(Optional.of(Substatus.Delivered_Signed), Substatus.fromCode("Delivered_Signed"));
    }

    @ParameterizedTest
    @EnumSource(Substatus.class)
    void every_substatus_code_starts_with_its_status_code(Substatus substatus) {
        assertTrue(substatus.code().startsWith(substatus.status().code() + "_"), substatus.code());
        assertEquals(Optional.of(substatus), Substatus.fromCode(substatus.code()));
        assertTrue(Substatus.of(substatus.status()).contains(substatus));
    }

    @Test
    void substatuses_of_a_status_are_its_own_in_declaration_order() {
        assertEquals(List.of(), Substatus.of(ShipmentStatus.Pending));
        assertEquals(List.of(Substatus.Expired_NoUpdates), Substatus.of(ShipmentStatus.Expired));
        assertEquals(Substatus.values().length,
                Arrays.stream(ShipmentStatus.values()).mapToInt(s -> Substatus.of(s).size()).sum());
    }

    @Test
    void canonical_status_accepts_a_substatus_of_its_own_status() {
        CanonicalStatus c = new CanonicalStatus(ShipmentStatus.Delivered, Substatus.Delivered_Signed);
        assertEquals(c, CanonicalStatus.of(Substatus.Delivered_Signed));
        assertNull(CanonicalStatus.of(ShipmentStatus.Delivered).substatus());
    }

    @Test
    void canonical_status_rejects_a_substatus_of_another_status() {
        assertThrows(IllegalArgumentException.class,
                () -> new CanonicalStatus(ShipmentStatus.InTransit, Substatus.Delivered_Signed));
        assertThrows(IllegalArgumentException.class,
                () -> new CanonicalStatus(ShipmentStatus.Exception, Substatus.Expired_NoUpdates));
        assertThrows(NullPointerException.class, () -> new CanonicalStatus(null, null));
    }

    @Test
    void taxonomy_matches_the_migration() throws IOException {
        String sql = Files.readString(MIGRATION).replaceAll("--[^\n]*", "");

        Set<String> statusRows = new HashSet<>();
        Matcher m = Pattern.compile("\\(\\s*'(\\w+)'\\s*,\\s*(\\d+)\\s*,\\s*(true|false)\\s*\\)")
                .matcher(insertValues(sql, "shipment_statuses"));
        while (m.find()) {
            statusRows.add(m.group(1) + "|" + Integer.parseInt(m.group(2)) + "|" + m.group(3));
        }
        Set<String> expectedStatuses = Arrays.stream(ShipmentStatus.values())
                .map(s -> s.code() + "|" + (s.ordinal() + 1) + "|" + s.isFinal())
                .collect(Collectors.toSet());
        assertEquals(expectedStatuses, statusRows);

        Set<String> substatusRows = new HashSet<>();
        m = Pattern.compile("\\(\\s*'(\\w+)'\\s*,\\s*'(\\w+)'\\s*\\)")
                .matcher(insertValues(sql, "shipment_substatuses"));
        while (m.find()) {
            substatusRows.add(m.group(1) + "|" + m.group(2));
        }
        Set<String> expectedSubstatuses = Arrays.stream(Substatus.values())
                .map(s -> s.status().code() + "|" + s.code())
                .collect(Collectors.toSet());
        assertEquals(expectedSubstatuses, substatusRows);
    }

    /** The VALUES list of the INSERT into {@code table}, up to its terminating semicolon. */
    private static String insertValues(String sql, String table) {
        Matcher m = Pattern.compile("INSERT\\s+INTO\\s+" + table + "\\s*\\([^)]*\\)\\s*VALUES(.*?);",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(sql);
        assertTrue(m.find(), "no INSERT INTO " + table + " in " + MIGRATION);
        return m.group(1);
    }
}
