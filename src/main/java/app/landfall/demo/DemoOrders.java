package app.landfall.demo;

import app.landfall.demo.DemoCatalog.Product;
import app.landfall.demo.DemoCustomers.Customer;
import app.landfall.demo.DemoOrder.Line;
import app.landfall.demo.DemoOrder.Parcel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Turns the plan into orders. Each order is first lived through at a fixed point in the past, then
 * moved forward by whole days so that its newest scan lands where the plan wants it: that keeps
 * deliveries in daylight and every event in the past, whenever the demo is started.
 */
final class DemoOrders {
    private static final ZoneId STORE_ZONE = ZoneId.of("America/New_York");
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("99.00");

    private final Random random;
    private final Instant now;
    private final Instant livedFrom;
    private final DemoCustomers customers;
    private final DemoJourneys journeys;
    private final DemoTrackingNumbers numbers;

    DemoOrders(Random random, Instant now, DemoJourneys journeys, DemoTrackingNumbers numbers) {
        this.random = random;
        this.now = now;
        this.livedFrom = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60));
        this.customers = new DemoCustomers(random);
        this.journeys = journeys;
        this.numbers = numbers;
    }

    /** The orders, oldest first, numbered the way the shop numbered them. */
    List<DemoOrder> build(List<DemoPlan.Order> plan) {
        List<DemoOrder> orders = plan.stream()
                .map(this::order)
                .sorted(Comparator.comparing(DemoOrder::placedAt))
                .toList();
        List<DemoOrder> numbered = new ArrayList<>();
        int number = 10384;
        for (DemoOrder order : orders) {
            number += random.nextInt(8) == 0 ? 2 : 1; // the odd number went to an order cancelled unshipped
            numbered.add(order.numbered("AA-" + number));
        }
        return numbered;
    }

    private DemoOrder order(DemoPlan.Order spec) {
        Customer customer = customers.next(spec.country());
        boolean abroad = customer.destination().abroad();
        String currency = spec.country().equals("DE") || spec.country().equals("FR") ? "EUR" : "USD";
        List<Line> lines = lines(spec, currency, abroad);
        boolean express = !abroad && random.nextInt(100) < 15;
        Instant placed = journeys.during(livedFrom.plus(Duration.ofMinutes(random.nextInt(24 * 60))),
                customer.destination().place().zone(), 7, 23);

        List<Parcel> parcels = new ArrayList<>();
        for (int p = 0; p < spec.parcels().size(); p++) {
            DemoPlan.Parcel planned = spec.parcels().get(p);
            String service = DemoTrackingNumbers.service(planned.carrier(), express);
            Instant start = placed.plus(Duration.ofDays(planned.daysLater()));
            DemoJourney journey = journeys.travel(
                    DemoJourneys.outbound(planned.carrier(), customer.destination(), customer.surname()),
                    planned.outcome(), start);
            Instant created = journey.events().isEmpty()
                    ? start.plus(Duration.ofMinutes(60 + random.nextInt(120)))
                    : journey.events().get(0).at();
            parcels.add(new Parcel("outbound", planned.carrier(), service, numbers.next(planned.carrier(), service),
                    DemoRoutes.WAREHOUSE, customer.destination().place(), created, journey,
                    contents(lines.size(), p, spec.parcels().size())));
        }

        Instant latest = parcels.stream().map(Parcel::latest).max(Comparator.naturalOrder()).orElse(placed);
        Duration shift = Duration.ofDays(Math.floorDiv(Duration.between(latest, now.minus(spec.ago())).toMinutes(), 24 * 60));
        placed = placed.plus(shift);
        parcels = parcels.stream().map(parcel -> parcel.shifted(shift)).toList();

        BigDecimal subtotal = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = random.nextInt(5) == 0 ? cents(subtotal.multiply(new BigDecimal("0.10"))) : cents(BigDecimal.ZERO);
        BigDecimal shipping = cents(abroad ? new BigDecimal("29")
                : express ? new BigDecimal("19.95")
                : subtotal.subtract(discount).compareTo(FREE_SHIPPING_FROM) >= 0 ? BigDecimal.ZERO : new BigDecimal("8.95"));
        BigDecimal tax = cents(subtotal.subtract(discount).multiply(customer.destination().salesTax()));
        LocalDate promised = placed.atZone(STORE_ZONE).toLocalDate().plusDays(abroad ? 10 : express ? 3 : 7);
        return new DemoOrder(null, customer, currency, placed, promised, lines, shipping, tax, discount, parcels,
                spec.returnStatus());
    }

    /** One to three different products; an order that comes back starts with clothing in a size. */
    private List<Line> lines(DemoPlan.Order spec, String currency, boolean abroad) {
        int count = spec.parcels().size() > 1 ? 2 + random.nextInt(2)
                : 1 + (random.nextInt(100) < 35 ? 1 : 0) + (random.nextInt(100) < 15 ? 1 : 0);
        List<Line> lines = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (spec.returnStatus() != null) {
            Product product = DemoCatalog.pickReturnable(random);
            codes.add(product.code());
            lines.add(line(product, currency, true));
        }
        while (lines.size() < count) {
            Product product = DemoCatalog.pick(random);
            boolean giftCardAbroad = abroad && product.tags().contains("gift-card");
            if (!giftCardAbroad && codes.add(product.code())) {
                lines.add(line(product, currency, false));
            }
        }
        return lines;
    }

    /** A line; {@code middleSize} leaves room to exchange it for a size up or down. */
    private Line line(Product product, String currency, boolean middleSize) {
        List<String> sizes = product.sizes();
        String size = !product.sized() ? null
                : middleSize ? sizes.get(1 + random.nextInt(sizes.size() - 2))
                : sizes.get(random.nextInt(sizes.size()));
        String colour = product.colours().isEmpty() ? null : product.colours().get(random.nextInt(product.colours().size()));
        boolean smallThing = Stream.of("BN", "HS", "CM").anyMatch(product.code()::equals);
        int quantity = smallThing && random.nextInt(4) == 0 ? 2 : 1;
        return new Line(product, size, colour, quantity, product.price(currency));
    }

    /** A split order's second package carries the last line (the backordered one). */
    private static List<Integer> contents(int lineCount, int parcel, int parcelCount) {
        if (parcelCount == 1) {
            return IntStream.range(0, lineCount).boxed().toList();
        }
        return parcel == 0 ? IntStream.range(0, lineCount - 1).boxed().toList() : List.of(lineCount - 1);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
