package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which return reasons fit which products: a table of cases. */
class ReasonFitTest {
    private static final ReasonFit APPAREL_TAG = new ReasonFit(Set.of(), Set.of("apparel"), Set.of());
    private static final ReasonFit SHOES_TYPE = new ReasonFit(Set.of("Footwear"), Set.of(), Set.of());
    private static final ReasonFit ONE_SKU = new ReasonFit(Set.of(), Set.of(), Set.of("AA-CM-FOR"));
    private static final ReasonFit TYPE_OR_TAG = new ReasonFit(Set.of("Footwear"), Set.of("apparel"), Set.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no limit fits a mug", ReasonFit.ANY, "Mugs", List.of("kitchen"), "AA-CM", true),
                Arguments.of("no limit fits an item with nothing known", ReasonFit.ANY, null, List.of(), null, true),
                Arguments.of("a tag limit fits a tagged jacket", APPAREL_TAG, "Apparel", List.of("outerwear", "apparel"), "AA-RJ", true),
                Arguments.of("a tag limit ignores case and spaces", APPAREL_TAG, null, List.of(" Apparel "), null, true),
                Arguments.of("a tag limit refuses a mug (no too small for a mug)", APPAREL_TAG, "Mugs", List.of("kitchen"), "AA-CM", false),
                Arguments.of("a tag limit refuses an item without tags", APPAREL_TAG, null, List.of(), null, false),
                Arguments.of("a type limit fits its type whatever the case", SHOES_TYPE, "footwear", List.of(), null, true),
                Arguments.of("a type limit refuses another type", SHOES_TYPE, "Apparel", List.of("footwear-care"), null, false),
                Arguments.of("a type limit refuses an unknown type", SHOES_TYPE, null, List.of(), null, false),
                Arguments.of("a SKU limit fits that SKU exactly", ONE_SKU, null, List.of(), "AA-CM-FOR", true),
                Arguments.of("a SKU limit is case-sensitive", ONE_SKU, null, List.of(), "aa-cm-for", false),
                Arguments.of("a SKU limit refuses a longer SKU", ONE_SKU, null, List.of(), "AA-CM-FOR-2", false),
                Arguments.of("type or tag: the tag is enough", TYPE_OR_TAG, "Apparel", List.of("apparel"), null, true),
                Arguments.of("type or tag: the type is enough", TYPE_OR_TAG, "Footwear", List.of(), null, true),
                Arguments.of("type or tag: neither refuses", TYPE_OR_TAG, "Camping gear", List.of("camping"), null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_reason_fits_the_products_it_is_limited_to(String name, ReasonFit fit, String type, List<String> tags, String sku, boolean fits) {
        assertEquals(fits, fit.fits(type, tags, sku));
    }

    @org.junit.jupiter.api.Test
    void an_admins_comma_separated_list_is_trimmed_and_blanks_dropped() {
        assertEquals(List.of("apparel", "Footwear"), ReasonFit.parseList(" apparel, ,Footwear,apparel,"));
        assertEquals(List.of(), ReasonFit.parseList("  "));
    }
}
