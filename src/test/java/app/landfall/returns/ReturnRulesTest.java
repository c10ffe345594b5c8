package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.returns.OrderFacts.Delivery;
import app.landfall.returns.ReturnPolicy.Fees;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnPolicy.Review;
import app.landfall.returns.ReturnPolicy.WindowOverride;
import app.landfall.returns.ReturnPolicy.WindowStart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReturnRulesTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final LocalDate ORDERED = LocalDate.parse("2026-10-20");

    // ---- building policies, orders and requests ----------------------------------------------

    static ReturnPolicy policy() {
        return new ReturnPolicy(30, WindowStart.DELIVERED, List.of(), Set.of(), false, null, EnumSet.allOf(Resolution.class),
                EnumSet.allOf(Method.class), Fees.NONE, BigDecimal.ZERO, null, Review.NEVER);
    }

    static ReturnPolicy with(ReturnPolicy p, UnaryOperator<Builder> change) {
        return change.apply(new Builder(p)).build();
    }

    /** Changes one part of a policy at a time, so each case names only what it is about. */
    static final class Builder {
        int windowDays;
        WindowStart start;
        List<WindowOverride> overrides;
        Set<String> excluded;
        boolean finalSale;
        Integer maxReturns;
        Set<Resolution> resolutions;
        Set<Method> methods;
        Fees fees;
        BigDecimal bonus;
        BigDecimal keepBelow;
        Review review;

        Builder(ReturnPolicy p) {
            windowDays = p.windowDays();
            start = p.windowStartsAt();
            overrides = p.windowOverrides();
            excluded = p.excludedTags();
            finalSale = p.finalSaleReturnable();
            maxReturns = p.maxReturnsPerOrder();
            resolutions = p.resolutions();
            methods = p.methods();
            fees = p.fees();
            bonus = p.storeCreditBonusPercent();
            keepBelow = p.keepItemBelow();
            review = p.review();
        }

        Builder window(int days, WindowStart from) {
            windowDays = days;
            start = from;
            return this;
        }

        Builder overrides(WindowOverride... o) {
            overrides = List.of(o);
            return this;
        }

        Builder excluded(String... tags) {
            excluded = Set.of(tags);
            return this;
        }

        Builder finalSaleReturnable() {
            finalSale = true;
            return this;
        }

        Builder maxReturns(int n) {
            maxReturns = n;
            return this;
        }

        Builder only(Resolution... r) {
            resolutions = Set.of(r);
            return this;
        }

        Builder onlyMethods(Method... m) {
            methods = Set.of(m);
            return this;
        }

        Builder fees(String shipping, String restockingPercent, boolean waiveExchange, boolean waiveCredit) {
            fees = new Fees(new BigDecimal(shipping), new BigDecimal(restockingPercent), waiveExchange, waiveCredit);
            return this;
        }

        Builder bonus(String percent) {
            bonus = new BigDecimal(percent);
            return this;
        }

        Builder keepBelow(String amount) {
            keepBelow = new BigDecimal(amount);
            return this;
        }

        Builder review(String aboveAmount, Integer returnsAbove) {
            review = new Review(aboveAmount == null ? null : new BigDecimal(aboveAmount), returnsAbove);
            return this;
        }

        ReturnPolicy build() {
            return new ReturnPolicy(windowDays, start, overrides, excluded, finalSale, maxReturns, resolutions, methods, fees, bonus,
                    keepBelow, review);
        }
    }

    static LocalDate day(String monthDay) {
        return LocalDate.parse("2026-" + monthDay);
    }

    static OrderFacts.Item item(long id, String price, int quantity) {
        return new OrderFacts.Item(id, "SKU-" + id, Set.of(), new BigDecimal(price), quantity, 0, false,
                Delivery.delivered(day("11-10"), day("11-12")), List.of("M", "L"));
    }

    static OrderFacts.Item item(long id, String sku, Set<String> tags, int inReturns, boolean finalSale, Delivery delivery) {
        return new OrderFacts.Item(id, sku, tags, new BigDecimal("20.00"), 2, inReturns, finalSale, delivery, List.of());
    }

    static OrderFacts order(OrderFacts.Item... items) {
        return new OrderFacts("USD", ORDERED, List.of(items), 0, 0);
    }

    static final ReturnRequest.Reason TOO_SMALL = new ReturnRequest.Reason("too_small", false, false, false);
    static final ReturnRequest.Reason DAMAGED = new ReturnRequest.Reason("damaged", true, true, true);
    static final ReturnRequest.Reason OTHER = new ReturnRequest.Reason("other", true, false, false);

    static ReturnRequest.Line line(long item, int quantity) {
        return new ReturnRequest.Line(item, quantity, TOO_SMALL, null, 0, null);
    }

    static ReturnRequest request(Resolution resolution, Method method, ReturnRequest.Line... lines) {
        return new ReturnRequest(List.of(lines), resolution, method);
    }

    // ---- which items can be returned ---------------------------------------------------------

    /** name, policy, item, active returns on the order, expected rule, returnable units, expected last day. */
    static Stream<Arguments> eligibilityCases() {
        ReturnPolicy p = policy();
        Delivery deliveredNov12 = Delivery.delivered(day("11-10"), day("11-12"));
        Set<String> none = Set.of();
        return Stream.of(
                Arguments.of("30 days from delivery, still open", p,
                        item(1, "A", none, 0, false, deliveredNov12), 0, Rule.WINDOW, 2, day("12-12")),
                Arguments.of("the last day itself is still open", with(p, b -> b.window(11, WindowStart.DELIVERED)),
                        item(1, "A", none, 0, false, deliveredNov12), 0, Rule.WINDOW, 2, day("11-23")),
                Arguments.of("closed the day after", with(p, b -> b.window(10, WindowStart.DELIVERED)),
                        item(1, "A", none, 0, false, deliveredNov12), 0, Rule.WINDOW_CLOSED, 0, day("11-22")),
                Arguments.of("delivery unknown: counted from fulfillment", with(p, b -> b.window(10, WindowStart.DELIVERED)),
                        item(1, "A", none, 0, false, Delivery.untracked(day("11-15"))), 0, Rule.WINDOW, 2, day("11-25")),
                Arguments.of("in transit: not delivered yet", p,
                        item(1, "A", none, 0, false, Delivery.inTransit(day("11-20"))), 0, Rule.NOT_DELIVERED, 0, null),
                Arguments.of("not shipped: not delivered yet, even with a window from the order",
                        with(p, b -> b.window(60, WindowStart.ORDERED)),
                        item(1, "A", none, 0, false, Delivery.notShipped()), 0, Rule.NOT_DELIVERED, 0, null),
                Arguments.of("window from the order date", with(p, b -> b.window(30, WindowStart.ORDERED)),
                        item(1, "A", none, 0, false, deliveredNov12), 0, Rule.WINDOW_CLOSED, 0, day("11-19")),
                Arguments.of("window from shipping", with(p, b -> b.window(14, WindowStart.SHIPPED)),
                        item(1, "A", none, 0, false, deliveredNov12), 0, Rule.WINDOW, 2, day("11-24")),
                Arguments.of("a tag's longer window", with(p, b -> b.window(10, WindowStart.DELIVERED)
                                .overrides(new WindowOverride(WindowOverride.Kind.TAG, "holiday", 60))),
                        item(1, "A", Set.of("holiday"), 0, false, deliveredNov12), 0, Rule.WINDOW_BY_TAG, 2, day("01-11").plusYears(1)),
                Arguments.of("a tag's shorter window closes first", with(p, b -> b.overrides(
                                new WindowOverride(WindowOverride.Kind.TAG, "electronics", 7))),
                        item(1, "A", Set.of("electronics"), 0, false, deliveredNov12), 0, Rule.WINDOW_CLOSED, 0, day("11-19")),
                Arguments.of("two tags: the longer window wins", with(p, b -> b.overrides(
                                new WindowOverride(WindowOverride.Kind.TAG, "electronics", 7),
                                new WindowOverride(WindowOverride.Kind.TAG, "holiday", 45))),
                        item(1, "A", Set.of("electronics", "holiday"), 0, false, deliveredNov12), 0, Rule.WINDOW_BY_TAG, 2, day("12-27")),
                Arguments.of("a SKU's window wins over its tags", with(p, b -> b.overrides(
                                new WindowOverride(WindowOverride.Kind.TAG, "holiday", 90),
                                new WindowOverride(WindowOverride.Kind.SKU, "GIFT-CARD", 5))),
                        item(1, "GIFT-CARD", Set.of("holiday"), 0, false, deliveredNov12), 0, Rule.WINDOW_CLOSED, 0, day("11-17")),
                Arguments.of("final sale", p,
                        item(1, "A", none, 0, true, deliveredNov12), 0, Rule.FINAL_SALE, 0, null),
                Arguments.of("final sale, but this policy takes it back", with(p, Builder::finalSaleReturnable),
                        item(1, "A", none, 0, true, deliveredNov12), 0, Rule.WINDOW, 2, day("12-12")),
                Arguments.of("an excluded category", with(p, b -> b.excluded("underwear")),
                        item(1, "A", Set.of("underwear", "cotton"), 0, false, deliveredNov12), 0, Rule.EXCLUDED_TAG, 0, null),
                Arguments.of("excluded wins over a longer window", with(p, b -> b.excluded("underwear")
                                .overrides(new WindowOverride(WindowOverride.Kind.TAG, "underwear", 365))),
                        item(1, "A", Set.of("underwear"), 0, false, deliveredNov12), 0, Rule.EXCLUDED_TAG, 0, null),
                Arguments.of("one of two units already returned", p,
                        item(1, "A", none, 1, false, deliveredNov12), 0, Rule.WINDOW, 1, day("12-12")),
                Arguments.of("both units already returned", p,
                        item(1, "A", none, 2, false, deliveredNov12), 0, Rule.ALREADY_RETURNED, 0, null),
                Arguments.of("the order has its maximum of returns", with(p, b -> b.maxReturns(1)),
                        item(1, "A", none, 0, false, deliveredNov12), 1, Rule.MAX_RETURNS_PER_ORDER, 0, null),
                Arguments.of("below the maximum", with(p, b -> b.maxReturns(2)),
                        item(1, "A", none, 0, false, deliveredNov12), 1, Rule.WINDOW, 2, day("12-12")),
                Arguments.of("final sale is named before a closed window", with(p, b -> b.window(1, WindowStart.DELIVERED)),
                        item(1, "A", none, 0, true, deliveredNov12), 0, Rule.FINAL_SALE, 0, null),
                Arguments.of("a zero-day window: only the delivery day", with(p, b -> b.window(0, WindowStart.DELIVERED)),
                        item(1, "A", none, 0, false, Delivery.delivered(day("11-20"), TODAY)), 0, Rule.WINDOW, 2, TODAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibilityCases")
    void eligibility(String name, ReturnPolicy policy, OrderFacts.Item item, int activeReturns, Rule rule, int returnable,
            LocalDate lastDay) {
        OrderFacts order = new OrderFacts("USD", ORDERED, List.of(item), activeReturns, 0);
        ReturnRules.Eligibility e = ReturnRules.eligibility(policy, order, TODAY).get(0);
        assertEquals(rule, e.rule(), name + ": " + e.detail());
        assertEquals(returnable, e.returnableQuantity(), name);
        assertEquals(lastDay, e.lastDay(), name);
        assertEquals(returnable > 0, e.eligible());
        assertFalse(e.detail().isBlank(), "every decision says why");
    }

    // ---- what a return comes to --------------------------------------------------------------

    /** name, policy, resolution, method, expected items value, restocking, shipping, bonus, total, rules that must appear. */
    static Stream<Arguments> amountCases() {
        ReturnPolicy p = policy();
        ReturnPolicy fees = with(p, b -> b.fees("5.95", "10", false, false));
        ReturnPolicy waived = with(p, b -> b.fees("5.95", "10", true, true));
        return Stream.of(
                Arguments.of("plain refund", p, Resolution.REFUND, Method.QR_DROPOFF,
                        "80.00", "0.00", "0.00", "0.00", "80.00", List.of(Rule.AUTO_APPROVE)),
                Arguments.of("refund with both fees", fees, Resolution.REFUND, Method.PRINTABLE_LABEL,
                        "80.00", "8.00", "5.95", "0.00", "66.05", List.of(Rule.RESTOCKING_FEE, Rule.RETURN_SHIPPING_FEE)),
                Arguments.of("in store: no shipping fee, restocking stays", fees, Resolution.REFUND, Method.IN_STORE,
                        "80.00", "8.00", "0.00", "0.00", "72.00", List.of(Rule.RESTOCKING_FEE)),
                Arguments.of("exchange with fees waived for exchanges", waived, Resolution.EXCHANGE, Method.QR_DROPOFF,
                        "80.00", "0.00", "0.00", "0.00", "80.00", List.of(Rule.FEES_WAIVED_FOR_EXCHANGE)),
                Arguments.of("exchange where only credit is waived pays fees", with(p, b -> b.fees("5.95", "10", false, true)),
                        Resolution.EXCHANGE, Method.QR_DROPOFF, "80.00", "8.00", "5.95", "0.00", "66.05",
                        List.of(Rule.RESTOCKING_FEE, Rule.RETURN_SHIPPING_FEE)),
                Arguments.of("store credit with a 10 % bonus", with(p, b -> b.bonus("10")), Resolution.STORE_CREDIT, Method.QR_DROPOFF,
                        "80.00", "0.00", "0.00", "8.00", "88.00", List.of(Rule.STORE_CREDIT_BONUS)),
                Arguments.of("store credit: fees waived, bonus on top", with(waived, b -> b.bonus("12.5")), Resolution.STORE_CREDIT,
                        Method.PRINTABLE_LABEL, "80.00", "0.00", "0.00", "10.00", "90.00",
                        List.of(Rule.FEES_WAIVED_FOR_STORE_CREDIT, Rule.STORE_CREDIT_BONUS)),
                Arguments.of("store credit without waiver: fees and bonus", with(fees, b -> b.bonus("10")), Resolution.STORE_CREDIT,
                        Method.QR_DROPOFF, "80.00", "8.00", "5.95", "8.00", "74.05",
                        List.of(Rule.RESTOCKING_FEE, Rule.RETURN_SHIPPING_FEE, Rule.STORE_CREDIT_BONUS)),
                Arguments.of("a bonus does not apply to a refund", with(p, b -> b.bonus("10")), Resolution.REFUND, Method.QR_DROPOFF,
                        "80.00", "0.00", "0.00", "0.00", "80.00", List.of(Rule.AUTO_APPROVE)),
                Arguments.of("keep the cheap item: no restocking on it", with(fees, b -> b.keepBelow("15.00")), Resolution.REFUND,
                        Method.QR_DROPOFF, "80.00", "6.50", "5.95", "0.00", "67.55", List.of(Rule.KEEP_ITEM, Rule.RESTOCKING_FEE)),
                Arguments.of("exchange never keeps the item", with(fees, b -> b.keepBelow("15.00")), Resolution.EXCHANGE,
                        Method.QR_DROPOFF, "80.00", "8.00", "5.95", "0.00", "66.05", List.of(Rule.RESTOCKING_FEE)),
                Arguments.of("fees larger than the value leave nothing, never less", with(p, b -> b.fees("100", "0", false, false)),
                        Resolution.REFUND, Method.QR_DROPOFF, "80.00", "0.00", "100.00", "0.00", "0.00",
                        List.of(Rule.RETURN_SHIPPING_FEE)),
                Arguments.of("a percentage rounds half up to the cent", with(p, b -> b.fees("0", "3.3333", false, false)),
                        Resolution.REFUND, Method.QR_DROPOFF, "80.00", "2.67", "0.00", "0.00", "77.33", List.of(Rule.RESTOCKING_FEE)));
    }

    /** 2 × 32.50 (a jacket) and 1 × 15.00 (socks) = 80.00 */
    static final OrderFacts TWO_ITEMS = order(item(1, "32.50", 2), item(2, "15.00", 1));

    @ParameterizedTest(name = "{0}")
    @MethodSource("amountCases")
    void amounts(String name, ReturnPolicy policy, Resolution resolution, Method method, String value, String restocking,
            String shipping, String bonus, String total, List<Rule> rules) {
        ReturnRequest request = request(resolution, method,
                new ReturnRequest.Line(1, 2, TOO_SMALL, null, 0, resolution == Resolution.EXCHANGE ? "L" : null),
                new ReturnRequest.Line(2, 1, TOO_SMALL, null, 0, resolution == Resolution.EXCHANGE ? "M" : null));
        ReturnDecision d = ReturnRules.decide(policy, TWO_ITEMS, request, TODAY);
        assertTrue(d.ok(), name + ": " + d.problems());
        ReturnDecision.Amounts a = d.amounts();
        assertEquals("USD", a.currency());
        assertEquals(new BigDecimal(value), a.itemsValue(), name);
        assertEquals(new BigDecimal(restocking), a.restockingFee(), name);
        assertEquals(new BigDecimal(shipping), a.shippingFee(), name);
        assertEquals(new BigDecimal(bonus), a.bonus(), name);
        assertEquals(new BigDecimal(total), a.total(), name);
        List<Rule> applied = d.rules().stream().map(ReturnDecision.Applied::rule).toList();
        assertTrue(applied.containsAll(rules), name + ": " + applied);
        assertTrue(applied.contains(Rule.WINDOW), "the window rule is recorded for each item");
    }

    @Test
    void amounts_follow_the_currency_minor_unit() {
        OrderFacts yen = new OrderFacts("JPY", ORDERED, List.of(item(1, "1999", 1)), 0, 0);
        ReturnDecision d = ReturnRules.decide(with(policy(), b -> b.fees("0", "7.5", false, false)), yen,
                request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), TODAY);
        assertEquals(new BigDecimal("150"), d.amounts().restockingFee(), "7.5 % of 1999 yen, rounded to whole yen");
        assertEquals(new BigDecimal("1849"), d.amounts().total());
        OrderFacts dinar = new OrderFacts("KWD", ORDERED, List.of(item(1, "10.125", 1)), 0, 0);
        ReturnDecision k = ReturnRules.decide(with(policy(), b -> b.bonus("10")), dinar,
                request(Resolution.STORE_CREDIT, Method.QR_DROPOFF, line(1, 1)), TODAY);
        assertEquals(new BigDecimal("1.013"), k.amounts().bonus(), "three decimals for the dinar");
    }

    @Test
    void a_discounted_order_refunds_what_was_paid_not_the_list_price() {
        // 80.00 of items with 8.00 off the order: the jacket line paid 58.50, the socks 13.50
        OrderFacts discounted = new OrderFacts("USD", ORDERED, TWO_ITEMS.items(), 0, 0, new BigDecimal("8.00"));
        ReturnDecision both = ReturnRules.decide(policy(), discounted,
                request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 2), line(2, 1)), TODAY);
        assertEquals(new BigDecimal("72.00"), both.amounts().itemsValue());
        assertEquals(new BigDecimal("72.00"), both.amounts().total());
        assertTrue(both.rules().stream().anyMatch(r -> r.rule() == Rule.ORDER_DISCOUNT && r.orderItemId() == 1
                && r.detail().contains("6.50")), "the merchant sees the discount taken off each line: " + both.rules());
        ReturnDecision oneJacket = ReturnRules.decide(policy(), discounted,
                request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), TODAY);
        assertEquals(new BigDecimal("29.25"), oneJacket.lines().get(0).value(), "half of the 58.50 the jacket line cost");
        ReturnDecision credit = ReturnRules.decide(with(policy(), b -> b.bonus("10")), discounted,
                request(Resolution.STORE_CREDIT, Method.QR_DROPOFF, line(2, 1)), TODAY);
        assertEquals(new BigDecimal("1.35"), credit.amounts().bonus(), "the bonus is on what was paid");
    }

    @Test
    void the_second_return_of_a_line_gets_the_rounding_cent_left_over() {
        OrderFacts.Item three = new OrderFacts.Item(1, "SKU-1", Set.of(), new BigDecimal("10.00"), 3, 1, false,
                Delivery.delivered(day("11-10"), day("11-12")), List.of());
        OrderFacts order = new OrderFacts("USD", ORDERED, List.of(three), 1, 0, new BigDecimal("20.00"));
        ReturnDecision d = ReturnRules.decide(policy(), order, request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), TODAY);
        assertEquals(new BigDecimal("3.34"), d.amounts().itemsValue(), "10.00 paid for 3: the first unit was 3.33, the second 3.34");
    }

    // ---- review or automatic approval --------------------------------------------------------

    static Stream<Arguments> reviewCases() {
        ReturnPolicy p = policy();
        return Stream.of(
                Arguments.of("nothing special: approved at once", p, TOO_SMALL, 0, false, List.of(Rule.AUTO_APPROVE)),
                Arguments.of("damaged needs a person", p, DAMAGED, 0, true, List.of(Rule.REVIEW_REASON)),
                Arguments.of("above the amount", with(p, b -> b.review("50.00", null)), TOO_SMALL, 0, true, List.of(Rule.REVIEW_AMOUNT)),
                Arguments.of("exactly the amount is not above it", with(p, b -> b.review("80.00", null)), TOO_SMALL, 0, false,
                        List.of(Rule.AUTO_APPROVE)),
                Arguments.of("a frequent returner", with(p, b -> b.review(null, 3)), TOO_SMALL, 4, true,
                        List.of(Rule.REVIEW_FREQUENT_RETURNER)),
                Arguments.of("as many returns as allowed is fine", with(p, b -> b.review(null, 3)), TOO_SMALL, 3, false,
                        List.of(Rule.AUTO_APPROVE)),
                Arguments.of("every reason for review is recorded", with(p, b -> b.review("50.00", 3)), DAMAGED, 9, true,
                        List.of(Rule.REVIEW_REASON, Rule.REVIEW_AMOUNT, Rule.REVIEW_FREQUENT_RETURNER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewCases")
    void review(String name, ReturnPolicy policy, ReturnRequest.Reason reason, int customerReturns, boolean needsReview,
            List<Rule> rules) {
        OrderFacts order = new OrderFacts("USD", ORDERED, TWO_ITEMS.items(), 0, customerReturns);
        ReturnRequest request = request(Resolution.REFUND, Method.QR_DROPOFF,
                new ReturnRequest.Line(1, 2, reason, "The zip broke", 1, null), new ReturnRequest.Line(2, 1, reason, "Also", 2, null));
        ReturnDecision d = ReturnRules.decide(policy, order, request, TODAY);
        assertTrue(d.ok(), name + ": " + d.problems());
        assertEquals(needsReview, d.needsReview(), name);
        List<Rule> applied = d.rules().stream().map(ReturnDecision.Applied::rule).toList();
        assertTrue(applied.containsAll(rules), name + ": " + applied);
        assertEquals(!needsReview, applied.contains(Rule.AUTO_APPROVE), name);
    }

    // ---- what is refused ---------------------------------------------------------------------

    static Stream<Arguments> refusedCases() {
        ReturnPolicy p = policy();
        return Stream.of(
                Arguments.of("nothing asked for", p, request(Resolution.REFUND, Method.QR_DROPOFF), "items", "return.problem.no_items"),
                Arguments.of("another order's item", p, request(Resolution.REFUND, Method.QR_DROPOFF, line(99, 1)),
                        "items[0]", "return.problem.unknown_item"),
                Arguments.of("the same item twice", p, request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1), line(1, 1)),
                        "items[1]", "return.problem.duplicate_item"),
                Arguments.of("a negative quantity", p, request(Resolution.REFUND, Method.QR_DROPOFF, line(1, -1)),
                        "items[0].quantity", "return.problem.quantity_positive"),
                Arguments.of("zero units", p, request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 0)),
                        "items[0].quantity", "return.problem.quantity_positive"),
                Arguments.of("more units than ordered", p, request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 3)),
                        "items[0].quantity", "return.problem.quantity_too_many"),
                Arguments.of("a resolution the policy does not offer", with(p, b -> b.only(Resolution.STORE_CREDIT)),
                        request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), "resolution", "return.problem.resolution_not_offered"),
                Arguments.of("a method the policy does not offer", with(p, b -> b.onlyMethods(Method.IN_STORE)),
                        request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), "method", "return.problem.method_not_offered"),
                Arguments.of("no reason", p, request(Resolution.REFUND, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, null, null, 0, null)),
                        "items[0].reason", "return.problem.reason_required"),
                Arguments.of("a reason that needs a comment", p,
                        request(Resolution.REFUND, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, OTHER, "  ", 0, null)),
                        "items[0].comment", "return.problem.comment_required"),
                Arguments.of("damaged without photos", p,
                        request(Resolution.REFUND, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, DAMAGED, "Torn", 0, null)),
                        "items[0].photos", "return.problem.photos_required"),
                Arguments.of("four photos", p,
                        request(Resolution.REFUND, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, DAMAGED, "Torn", 4, null)),
                        "items[0].photos", "return.problem.too_many_photos"),
                Arguments.of("a comment of 2,001 characters", p,
                        request(Resolution.REFUND, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, OTHER, "x".repeat(2_001), 0, null)),
                        "items[0].comment", "return.problem.comment_too_long"),
                Arguments.of("an exchange without a variant", p,
                        request(Resolution.EXCHANGE, Method.QR_DROPOFF, line(1, 1)),
                        "items[0].exchange_variant", "return.problem.variant_required"),
                Arguments.of("an exchange for a variant the product does not have", p,
                        request(Resolution.EXCHANGE, Method.QR_DROPOFF, new ReturnRequest.Line(1, 1, TOO_SMALL, null, 0, "XXL")),
                        "items[0].exchange_variant", "return.problem.variant_unavailable"),
                Arguments.of("an item whose window closed", with(p, b -> b.window(5, WindowStart.DELIVERED)),
                        request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), "items[0]", "return.problem.not_returnable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    void refused(String name, ReturnPolicy policy, ReturnRequest request, String field, String message) {
        ReturnDecision d = ReturnRules.decide(policy, TWO_ITEMS, request, TODAY);
        assertFalse(d.ok(), name);
        assertTrue(d.problems().stream().anyMatch(pr -> pr.field().equals(field) && pr.message().equals(message)),
                name + ": " + d.problems());
        assertNull(d.amounts(), "nothing is priced when the request does not hold");
        assertTrue(d.lines().isEmpty());
    }

    @Test
    void a_closed_window_tells_the_shopper_which_rule_and_the_last_day() {
        ReturnDecision d = ReturnRules.decide(with(policy(), b -> b.window(5, WindowStart.DELIVERED)), TWO_ITEMS,
                request(Resolution.REFUND, Method.QR_DROPOFF, line(1, 1)), TODAY);
        ReturnDecision.Problem problem = d.problems().get(0);
        assertEquals(List.of(Rule.WINDOW_CLOSED.messageKey(), day("11-17")), problem.args());
    }

    @Test
    void every_problem_is_reported_at_once() {
        ReturnDecision d = ReturnRules.decide(with(policy(), b -> b.only(Resolution.REFUND)), TWO_ITEMS,
                request(Resolution.EXCHANGE, Method.QR_DROPOFF, line(1, 5), new ReturnRequest.Line(2, 1, DAMAGED, null, 0, null)),
                TODAY);
        List<String> fields = d.problems().stream().map(ReturnDecision.Problem::field).toList();
        assertTrue(fields.containsAll(List.of("resolution", "items[0].quantity", "items[1].comment", "items[1].photos")), fields.toString());
    }

    @Test
    void the_same_inputs_always_give_the_same_decision() {
        ReturnPolicy policy = with(policy(), b -> b.fees("5.95", "10", false, false).bonus("10").keepBelow("15").review("50", 2));
        ReturnRequest request = request(Resolution.STORE_CREDIT, Method.QR_DROPOFF, line(1, 2), line(2, 1));
        ReturnDecision first = ReturnRules.decide(policy, TWO_ITEMS, request, TODAY);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, ReturnRules.decide(policy, TWO_ITEMS, request, TODAY));
        }
    }
}
