package app.landfall.returns;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which products a return reason is for: "Too small" only for tag {@code apparel}, never for a mug.
 * Each list empty means no limit by it; with limits, a product fits when it matches any of them (its
 * type, one of its tags, or its SKU). Types and tags match whatever their case, as shop platforms
 * treat them; SKUs match exactly.
 */
public record ReasonFit(Set<String> productTypes, Set<String> tags, Set<String> skus) {
    public static final ReasonFit ANY = new ReasonFit(Set.of(), Set.of(), Set.of());

    public ReasonFit {
        productTypes = folded(productTypes);
        tags = folded(tags);
        skus = Set.copyOf(skus);
    }

    public static ReasonFit of(String[] productTypes, String[] tags, String[] skus) {
        return new ReasonFit(Set.of(productTypes), Set.of(tags), Set.of(skus));
    }

    public boolean limited() {
        return !productTypes.isEmpty() || !tags.isEmpty() || !skus.isEmpty();
    }

    public boolean fits(String productType, Collection<String> itemTags, String sku) {
        if (!limited()) {
            return true;
        }
        if (productType != null && productTypes.contains(productType.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (itemTags.stream().anyMatch(t -> tags.contains(t.strip().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return sku != null && skus.contains(sku.strip());
    }

    public boolean fits(OrderFacts.Item item) {
        return fits(item.productType(), item.tags(), item.sku());
    }

    /** A comma-separated list as an admin types it: trimmed, blanks dropped, each at most 100 characters. */
    static List<String> parseList(String typed) {
        if (typed == null) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Set<String> folded(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
