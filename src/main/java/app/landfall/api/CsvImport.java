package app.landfall.api;

import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminUser;
import app.landfall.orders.OrderUpsert;
import app.landfall.orders.OrderWriter;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.ShipmentWriter;
import app.landfall.web.ClientAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Imports orders (and their parcels) from a CSV file in one transaction: every row is checked
 * first and any problem, in the file or on writing (an unknown carrier, say), imports nothing and
 * is reported with its row.
 */
final class CsvImport {
    static final int MAX_BYTES = 5_000_000;
    /** RFC 4180 (commas, double quotes, "" for a quote inside them; CRLF, LF or CR); blank lines are no rows. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private final DSLContext dsl;
    private final OrderWriter orders;
    private final ShipmentWriter shipments;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;

    CsvImport(DSLContext dsl, OrderWriter orders, ShipmentWriter shipments, AuditTrail audit, ClientAddress clientAddress) {
        this.dsl = dsl;
        this.orders = orders;
        this.shipments = shipments;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    /** The outcome shown on the page: what was imported, or every problem found. */
    public record Result(boolean imported, int orders, int created, int shipments, List<String> problems) {
    }

    Result run(AdminUser user, byte[] file, String ip) {
        if (file == null || file.length == 0) {
            return failed(List.of("Choose a CSV file."));
        }
        if (file.length > MAX_BYTES) {
            return failed(List.of("The file is larger than 5 MB: split it."));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return failed(List.of("The file is not UTF-8 text: save it as \"CSV UTF-8\"."));
        }
        ImportPlan plan;
        try {
            plan = ImportPlan.of(rows(text));
        } catch (Malformed e) {
            return failed(List.of(e.getMessage()));
        }
        if (!plan.problems().isEmpty()) {
            return failed(plan.problems());
        }
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                int created = 0;
                for (OrderUpsert order : plan.orders()) {
                    if (orders.upsert(tx, user.merchantId(), order).created()) {
                        created++;
                    }
                }
                for (ShipmentUpsert shipment : plan.shipments()) {
                    try {
                        shipments.upsert(tx, user.merchantId(), shipment, ShipmentWriter.Mode.STRICT, "api");
                    } catch (ShipmentWriter.Unresolved e) {
                        throw new RowProblem("Row " + plan.shipmentRows().get(shipment.trackingNumber()) + " (tracking number "
                                + shipment.trackingNumber() + "): " + e.getMessage() + ".");
                    }
                }
                audit.record(tx, user, ip, "import.csv", "import", null, Map.of("orders", plan.orders().size(), "created", created,
                        "shipments", plan.shipments().size()));
                return new Result(true, plan.orders().size(), created, plan.shipments().size(), List.of());
            });
        } catch (RowProblem e) {
            return failed(List.of(e.getMessage()));
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof RowProblem p) {
                return failed(List.of(p.getMessage()));
            }
            throw e;
        }
    }

    /** A file that cannot be read as CSV, with the row where it went wrong. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The rows of a CSV text, numbered as a spreadsheet numbers them (blank lines skipped, a quoted line break stays in its row). */
    static List<List<String>> rows(String text) throws Malformed {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark from spreadsheet exports
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            for (CSVRecord row : parser) {
                rows.add(row.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Malformed("Row " + (rows.size() + 1) + ": a quoted field is not closed properly. A field in quotes ends with a quote"
                    + " followed by a comma or the end of the line, and a quote inside it is written twice (\"\").");
        }
        return rows;
    }

    private static Result failed(List<String> problems) {
        return new Result(false, 0, 0, 0, problems);
    }

    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message, null, false, false);
        }
    }
}
