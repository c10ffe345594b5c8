package app.landfall.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** What Alder & Ash sells: outdoor clothing and gear, each with its sizes and colours. */
final class DemoCatalog {

    record Product(String code, String title, String picture, BigDecimal price, List<String> sizes,
            List<String> colours, List<String> tags, boolean finalSale, int popularity) {

        String imageUrl() {
            return "/static/img/demo/" + picture + ".svg";
        }

        /** The shop's product type, as a platform would send it. */
        String productType() {
            if (tags.contains("apparel")) {
                return "Apparel";
            }
            if (tags.contains("footwear")) {
                return "Footwear";
            }
            if (tags.contains("gift-card")) {
                return "Gift card";
            }
            return tags.contains("camping") ? "Camping gear" : tags.contains("packs") ? "Bags" : "Accessories";
        }

        boolean sized() {
            return !sizes.isEmpty();
        }

        /** "Size M / Olive", "Olive", or null for a product that comes one way only. */
        String variantTitle(String size, String colour) {
            if (size != null && colour != null) {
                return "Size " + size + " / " + colour;
            }
            return size != null ? "Size " + size : colour;
        }

        String sku(String size, String colour) {
            String sku = "AA-" + code;
            if (size != null) {
                sku += "-" + size.replace("/", "");
            }
            if (colour != null) {
                sku += "-" + colour.replace(" ", "").substring(0, 3).toUpperCase(Locale.ROOT);
            }
            return sku;
        }

        /** The shelf price in euros: rounded to a whole euro, as European shoppers expect. */
        BigDecimal price(String currency) {
            return currency.equals("EUR") ? price.multiply(new BigDecimal("0.93")).setScale(0, RoundingMode.HALF_UP).setScale(2) : price;
        }
    }

    private static final List<String> APPAREL = List.of("S", "M", "L", "XL");

    static final List<Product> PRODUCTS = List.of(
            product("RJ", "Ridgeline Rain Jacket", "jacket", "189.00", APPAREL, List.of("Olive", "Slate"), 6, "apparel", "outerwear", "rainwear"),
            product("CP", "Cairn Insulated Parka", "jacket", "249.00", APPAREL, List.of("Rust", "Black"), 3, "apparel", "outerwear", "insulated"),
            product("DV", "Summit Down Vest", "jacket", "129.00", APPAREL, List.of("Navy", "Olive"), 4, "apparel", "outerwear", "down"),
            product("FS", "Fireside Flannel Shirt", "shirt", "68.00", APPAREL, List.of("Red Plaid", "Moss Plaid"), 7, "apparel", "shirts"),
            product("MT", "Merino Trail Tee", "shirt", "54.00", APPAREL, List.of("Heather Grey", "Pine"), 6, "apparel", "shirts", "merino"),
            product("TB", "Trailbreak Hiking Boots", "boots", "165.00", List.of("8", "9", "10", "11", "12"), List.of("Walnut"), 5, "footwear", "hiking"),
            finalSale(product("CB", "Alder Chelsea Boots", "boots", "139.00", List.of("7", "8", "9", "10", "11"), List.of("Black"), 2, "footwear", "clearance")),
            product("SD", "Switchback 28L Daypack", "backpack", "98.00", List.of(), List.of("Moss", "Charcoal"), 5, "packs"),
            product("LP", "Longhaul 55L Trekking Pack", "backpack", "229.00", List.of("S/M", "M/L"), List.of("Graphite"), 2, "packs"),
            product("BN", "Merino Rib Beanie", "beanie", "32.00", List.of(), List.of("Rust", "Heather Grey", "Navy"), 8, "accessories", "merino"),
            finalSale(product("HS", "Merino Hiker Socks, 3 Pack", "socks", "29.00", List.of("S", "M", "L"), List.of("Charcoal"), 8, "accessories", "socks")),
            product("TT", "Two-Peak 2P Tent", "tent", "349.00", List.of(), List.of(), 2, "camping", "shelter"),
            product("CM", "Enamel Camp Mug", "mug", "18.00", List.of(), List.of("Forest", "Cream"), 6, "camping", "kitchen"),
            product("IB", "Insulated Bottle 750 ml", "mug", "34.00", List.of(), List.of("Moss", "Steel"), 5, "camping", "kitchen"),
            product("GC", "Alder & Ash Gift Card", "giftcard", "50.00", List.of(), List.of(), 2, "gift-card"));

    private DemoCatalog() {
    }

    /** A product picked the way shoppers pick them: beanies and socks often, tents rarely. */
    static Product pick(Random random) {
        int total = PRODUCTS.stream().mapToInt(Product::popularity).sum();
        int ticket = random.nextInt(total);
        for (Product product : PRODUCTS) {
            ticket -= product.popularity();
            if (ticket < 0) {
                return product;
            }
        }
        throw new AssertionError("popularity tickets add up");
    }

    /** Clothing that can go back and be swapped for another size (for the demo returns). */
    static Product pickReturnable(Random random) {
        List<Product> sized = PRODUCTS.stream()
                .filter(p -> p.sized() && !p.finalSale() && (p.tags().contains("outerwear") || p.tags().contains("shirts")))
                .toList();
        return sized.get(random.nextInt(sized.size()));
    }

    private static Product product(String code, String title, String picture, String price, List<String> sizes,
            List<String> colours, int popularity, String... tags) {
        return new Product(code, title, picture, new BigDecimal(price), sizes, colours, List.of(tags), false, popularity);
    }

    private static Product finalSale(Product p) {
        return new Product(p.code(), p.title(), p.picture(), p.price(), p.sizes(), p.colours(), p.tags(), true, p.popularity());
    }
}
