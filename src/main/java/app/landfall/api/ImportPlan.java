package app.landfall.api;

import app.landfall.orders.Address;
import app.landfall.orders.OrderUpsert;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.web.AcceptedDates;
import app.landfall.web.StorableText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a CSV of order lines asks for, checked row by row (pure, no I/O): one row per order line;
 * rows with the same order number make one order; a tracking number puts the row's units in that
 * package. Every problem is reported with its row; a file with any problem imports nothing.
 */
record ImportPlan(List<OrderUpsert> orders, List<ShipmentUpsert> shipments, Map<String, Integer> shipmentRows, List<String> problems) {
    static final int MAX_ROWS = 5_000;
    static final List<String> REQUIRED = List.of("order_number", "customer_email", "sku", "title", "quantity", "unit_price");
    static final List<String> KNOWN = List.of("order_number", "customer_email", "customer_name", "placed_at", "currency", "sku", "title",
            "variant", "quantity", "unit_price", "shipping_line1", "shipping_city", "shipping_region", "shipping_postal_code",
            "shipping_country", "tracking_number", "carrier");

    static ImportPlan of(List<List<String>> rows) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ImportPlan(List.of(), List.of(), Map.of(), List.of("The file is empty: the first row names the columns."));
        }
        if (!rows.get(0).stream().allMatch(StorableText::isStorable)) {
            return new ImportPlan(List.of(), List.of(), Map.of(), List.of("Row 1: a column name " + StorableText.PROBLEM + "."));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add("The first row has no column \"" + column + "\" (needed: " + String.join(", ", REQUIRED) + ").");
            }
        }
        for (String column : header) {
            if (!KNOWN.contains(column)) {
                problems.add("Unknown column \"" + column + "\" (known: " + String.join(", ", KNOWN) + ").");
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.add("At most " + MAX_ROWS + " rows at a time: split the file.");
        }
        if (!problems.isEmpty()) {
            return new ImportPlan(List.of(), List.of(), Map.of(), problems);
        }
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, Shipment> shipments = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            int number = r + 1; // as a spreadsheet numbers it, the header being row 1
            Map<String, String> v = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                v.put(header.get(c), c < rows.get(r).size() ? rows.get(r).get(c).strip() : "");
            }
            if (rows.get(r).size() > header.size()) {
                problems.add("Row " + number + ": more fields than columns (a comma inside a field needs quotes).");
                continue;
            }
            List<String> wrong = new ArrayList<>();
            v.forEach((column, cell) -> {
                if (!StorableText.isStorable(cell)) {
                    wrong.add(column + " " + StorableText.PROBLEM);
                }
            });
            for (String column : REQUIRED) {
                if (v.get(column).isEmpty()) {
                    wrong.add(column + " is empty");
                }
            }
            String email = v.get("customer_email").toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
                wrong.add("customer_email is not an email address");
            }
            Integer quantity = v.get("quantity").matches("\\d{1,6}") && Integer.parseInt(v.get("quantity")) > 0
                    ? Integer.valueOf(v.get("quantity")) : null;
            if (quantity == null && !v.get("quantity").isEmpty()) {
                wrong.add("quantity must be a whole number above 0");
            }
            BigDecimal price = v.get("unit_price").matches("\\d{1,13}(\\.\\d{1,4})?") ? new BigDecimal(v.get("unit_price")) : null;
            if (price == null && !v.get("unit_price").isEmpty()) {
                wrong.add("unit_price must be an amount like 29.90");
            }
            // none given: the store's currency (OrderWriter), and an order already stored keeps its own
            String currency = v.getOrDefault("currency", "").isEmpty() ? null : v.get("currency").toUpperCase(Locale.ROOT);
            if (currency != null && !currency.matches("[A-Z]{3}")) {
                wrong.add("currency must be a 3-letter code like USD");
            }
            OffsetDateTime placed = null;
            String placedAt = v.getOrDefault("placed_at", "");
            if (!placedAt.isEmpty()) {
                try {
                    placed = placedAt.length() == 10 ? LocalDate.parse(placedAt).atStartOfDay().atOffset(ZoneOffset.UTC)
                            : OffsetDateTime.parse(placedAt);
                } catch (DateTimeParseException e) {
                    wrong.add("placed_at must be a date (2026-11-20) or a time with its offset (2026-11-20T14:05:00Z)");
                }
                if (placed != null && !AcceptedDates.contains(placed)) {
                    wrong.add("placed_at " + AcceptedDates.PROBLEM);
                    placed = null;
                }
            }
            String country = v.getOrDefault("shipping_country", "").toUpperCase(Locale.ROOT);
            if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
                wrong.add("shipping_country must be a 2-letter code like US");
            }
            if (v.get("order_number").length() > 100 || v.get("sku").length() > 100 || v.get("title").length() > 500) {
                wrong.add("order_number and sku are at most 100 characters, title 500");
            }
            String tracking = v.getOrDefault("tracking_number", "").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            if (!tracking.isEmpty() && !tracking.matches("[A-Z0-9]{4,64}")) {
                wrong.add("tracking_number must be 4 to 64 letters and digits");
            }
            Order order = orders.get(v.get("order_number"));
            if (order != null && !order.email.equals(email)) {
                wrong.add("order " + v.get("order_number") + " has another customer_email on row " + order.row);
            }
            if (order != null && order.skus.contains(v.get("sku"))) {
                wrong.add("order " + v.get("order_number") + " lists SKU " + v.get("sku") + " twice (one row per line)");
            }
            if (!wrong.isEmpty()) {
                problems.add("Row " + number + ": " + String.join("; ", wrong) + ".");
                continue;
            }
            if (order == null) {
                order = new Order(number, email, blank(v.get("customer_name")), placed, currency,
                        new Address(blank(v.get("shipping_line1")), null, blank(v.get("shipping_city")), blank(v.get("shipping_region")),
                                blank(v.get("shipping_postal_code")), country.isEmpty() ? null : country));
                orders.put(v.get("order_number"), order);
            }
            order.skus.add(v.get("sku"));
            order.items.add(new OrderUpsert.Item(null, v.get("sku"), v.get("title"), blank(v.get("variant")), quantity, price, null,
                    List.of(), false));
            if (!tracking.isEmpty()) {
                Shipment shipment = shipments.computeIfAbsent(tracking, t -> new Shipment(number, v.get("order_number"),
                        blank(v.getOrDefault("carrier", "").toLowerCase(Locale.ROOT))));
                if (!shipment.orderNumber.equals(v.get("order_number"))) {
                    problems.add("Row " + number + ": tracking number " + tracking + " belongs to order " + shipment.orderNumber
                            + " (row " + shipment.row + ").");
                    continue;
                }
                shipment.items.add(new ShipmentUpsert.Item(null, v.get("sku"), quantity));
            }
        }
        List<OrderUpsert> upserts = new ArrayList<>();
        orders.forEach((n, o) -> upserts.add(new OrderUpsert(n, null, o.name, o.email, null, o.address, o.placed, null, o.currency,
                null, null, null, null, null, List.copyOf(o.items))));
        List<ShipmentUpsert> parcels = new ArrayList<>();
        Map<String, Integer> shipmentRows = new LinkedHashMap<>();
        shipments.forEach((t, s) -> {
            parcels.add(new ShipmentUpsert(s.orderNumber, null, s.carrier, null, t, "outbound", null, List.copyOf(s.items), List.of()));
            shipmentRows.put(t, s.row);
        });
        return new ImportPlan(upserts, parcels, shipmentRows, problems);
    }

    private static String blank(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static final class Order {
        final int row;
        final String email;
        final String name;
        final OffsetDateTime placed;
        final String currency;
        final Address address;
        final List<OrderUpsert.Item> items = new ArrayList<>();
        final java.util.Set<String> skus = new java.util.HashSet<>();

        Order(int row, String email, String name, OffsetDateTime placed, String currency, Address address) {
            this.row = row;
            this.email = email;
            this.name = name;
            this.placed = placed;
            this.currency = currency;
            this.address = address;
        }
    }

    private static final class Shipment {
        final int row;
        final String orderNumber;
        final String carrier;
        final List<ShipmentUpsert.Item> items = new ArrayList<>();

        Shipment(int row, String orderNumber, String carrier) {
            this.row = row;
            this.orderNumber = orderNumber;
            this.carrier = carrier;
        }
    }
}
