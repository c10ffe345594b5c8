package app.landfall.demo;

import app.landfall.demo.DemoCatalog.Product;
import app.landfall.demo.DemoCustomers.Customer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One demo order as it will be written: what was bought, what it cost, and its packages. */
record DemoOrder(String number, Customer customer, String currency, Instant placedAt, LocalDate promisedDelivery,
        List<Line> lines, BigDecimal shipping, BigDecimal tax, BigDecimal discount, List<Parcel> parcels,
        String returnStatus) {

    record Line(Product product, String size, String colour, int quantity, BigDecimal unitPrice) {
        String variantTitle() {
            return product.variantTitle(size, colour);
        }

        String sku() {
            return product.sku(size, colour);
        }

        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A package of some of the order's lines (by index), outbound or coming back. */
    record Parcel(String direction, String carrier, String service, String trackingNumber, DemoPlace origin,
            DemoPlace destination, Instant createdAt, DemoJourney journey, List<Integer> lines) {

        Parcel shifted(Duration by) {
            return new Parcel(direction, carrier, service, trackingNumber, origin, destination,
                    createdAt.plus(by), journey.shifted(by), lines);
        }

        /** The newest thing known about the package: its last scan, or when its label was bought. */
        Instant latest() {
            Instant last = journey.lastEventAt();
            return last == null ? createdAt : last;
        }
    }

    BigDecimal subtotal() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
        return subtotal().add(shipping).add(tax).subtract(discount);
    }

    DemoOrder numbered(String orderNumber) {
        return new DemoOrder(orderNumber, customer, currency, placedAt, promisedDelivery, lines, shipping, tax,
                discount, parcels, returnStatus);
    }
}
