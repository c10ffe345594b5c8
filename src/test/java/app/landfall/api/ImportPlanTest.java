package app.landfall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPlanTest {
    private static ImportPlan plan(String csv) throws Exception {
        return ImportPlan.of(CsvImport.rows(csv));
    }

    @Test
    void rows_of_one_order_make_one_order_and_a_tracking_number_one_parcel() throws Exception {
        ImportPlan p = plan("""
                order_number,customer_email,sku,title,quantity,unit_price,tracking_number,carrier,currency
                A-1,Ann@Example.com,TEE-M,Tee,2,19.90,1Z 999-AA1,ups,eur
                A-1,ann@example.com,CAP,Cap,1,9,1Z999AA1,ups,eur
                B-2,bob@example.com,TEE-L,Tee,1,19.90,,,
                """);
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals(2, p.orders().size());
        assertEquals(2, p.orders().get(0).items().size());
        assertEquals("ann@example.com", p.orders().get(0).customerEmail());
        assertEquals("EUR", p.orders().get(0).currency());
        assertEquals(new BigDecimal("19.90"), p.orders().get(0).items().get(0).unitPrice());
        assertEquals(1, p.shipments().size());
        assertEquals("1Z999AA1", p.shipments().get(0).trackingNumber());
        assertEquals(2, p.shipments().get(0).items().size());
        assertEquals(null, p.orders().get(1).currency(), "none given: the order is written in the store's currency");
    }

    @Test
    void every_bad_row_is_reported_with_its_number_as_a_spreadsheet_counts() throws Exception {
        ImportPlan p = plan("""
                order_number,customer_email,sku,title,quantity,unit_price,placed_at,shipping_country
                A-1,ann@example.com,TEE,Tee,0,19.90,,
                A-2,not-an-email,TEE,Tee,1,19,90,
                A-3,c@example.com,TEE,Tee,1,19.90,yesterday,USA
                A-4,d@example.com,,Tee,1,1,,
                A-5,e@example.com,TEE,Tee,1,1,2026-11-20,us
                """);
        assertEquals(4, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).startsWith("Row 2: quantity"));
        assertTrue(p.problems().get(1).startsWith("Row 3: ") && p.problems().get(1).contains("customer_email"));
        assertTrue(p.problems().get(2).contains("placed_at") && p.problems().get(2).contains("shipping_country"));
        assertTrue(p.problems().get(3).startsWith("Row 5: sku is empty"));
    }

    @Test
    void missing_or_unknown_columns_and_conflicting_rows_are_refused() throws Exception {
        assertTrue(plan("order_number,email\nA,b").problems().stream().anyMatch(m -> m.contains("no column \"customer_email\"")));
        assertTrue(plan("order_number,customer_email,sku,title,quantity,unit_price,colour\n").problems().stream()
                .anyMatch(m -> m.contains("Unknown column \"colour\"")));
        ImportPlan conflict = plan("""
                order_number,customer_email,sku,title,quantity,unit_price,tracking_number
                A-1,ann@example.com,TEE,Tee,1,1,1Z12345
                A-1,bob@example.com,CAP,Cap,1,1,
                B-1,bob@example.com,CAP,Cap,1,1,1Z12345
                A-1,ann@example.com,TEE,Tee,1,1,
                """);
        assertEquals(3, conflict.problems().size(), conflict.problems().toString());
        assertTrue(conflict.problems().get(0).contains("another customer_email on row 2"), conflict.problems().toString());
        assertTrue(conflict.problems().get(1).contains("belongs to order A-1"));
        assertTrue(conflict.problems().get(2).contains("twice"));
        assertTrue(plan("").problems().get(0).contains("empty"));
    }

    @Test
    void a_control_character_in_a_cell_or_a_date_out_of_range_is_reported_with_its_row_and_column() throws Exception {
        ImportPlan p = plan("order_number,customer_email,sku,title,quantity,unit_price,placed_at\n"
                + "A-1,a@example.com,TEE,Tee\u0000,1,1,\n"
                + "A-2,b@example.com,TEE,Tee,1,1,+99999-01-01T00:00:00Z\n"
                + "A-3,c@example.com,TEE,Tee,1,1,0000-01-01\n"
                + "A-4,d@example.com,TEE,Tee,1,1,2026-11-20\n");
        assertEquals(List.of("Row 2: title must not contain control characters (such as a NUL byte) or broken Unicode.",
                "Row 3: placed_at must be from 2000-01-01 to 2099-12-31.", "Row 4: placed_at must be from 2000-01-01 to 2099-12-31."),
                p.problems());
        assertTrue(plan("order_number\u0000,customer_email\n").problems().get(0).startsWith("Row 1: a column name must not contain"));
    }
}
