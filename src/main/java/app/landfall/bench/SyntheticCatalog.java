package app.landfall.bench;

import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

import java.util.List;
import java.util.function.Function;
import org.jooq.CaseConditionStep;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Row3;
import org.jooq.Row6;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The carriers, places, products and shopper names the generated data is made of. */
final class SyntheticCatalog {
    record Carrier(String code, String service, String prefix, double weight) {
    }

    private static final List<Carrier> CARRIERS = List.of(
            new Carrier("ups", "UPS Ground", "1Z", 0.35),
            new Carrier("usps", "Priority Mail", "9400", 0.30),
            new Carrier("fedex", "FedEx Home Delivery", "7", 0.25),
            new Carrier("dhl", "DHL Express", "JD", 0.10));

    record Place(String city, String region, String postalCode, String country, String timezone) {
    }

    /** Shoppers live anywhere here; parcels pass through the first HUBS places. */
    static final List<Place> PLACES = List.of(
            new Place("Louisville", "KY", "40209", "US", "America/Kentucky/Louisville"),
            new Place("Memphis", "TN", "38118", "US", "America/Chicago"),
            new Place("Chicago", "IL", "60607", "US", "America/Chicago"),
            new Place("Atlanta", "GA", "30303", "US", "America/New_York"),
            new Place("Denver", "CO", "80202", "US", "America/Denver"),
            new Place("Columbus", "OH", "43215", "US", "America/New_York"),
            new Place("Philadelphia", "PA", "19103", "US", "America/New_York"),
            new Place("Reno", "NV", "89502", "US", "America/Los_Angeles"),
            new Place("New York", "NY", "10001", "US", "America/New_York"),
            new Place("Los Angeles", "CA", "90012", "US", "America/Los_Angeles"),
            new Place("Houston", "TX", "77002", "US", "America/Chicago"),
            new Place("Phoenix", "AZ", "85004", "US", "America/Phoenix"),
            new Place("Seattle", "WA", "98101", "US", "America/Los_Angeles"),
            new Place("Toronto", "ON", "M5V 2T6", "CA", "America/Toronto"),
            new Place("London", "England", "EC1A 1BB", "GB", "Europe/London"),
            new Place("Berlin", "Berlin", "10115", "DE", "Europe/Berlin"));
    static final int HUBS = 8;

    /** Merchants ship from one of these warehouses. */
    static final List<Place> ORIGINS = List.of(PLACES.get(5), PLACES.get(7), PLACES.get(4), PLACES.get(6));

    static final Field<Integer> PLACE_INDEX = field(name("idx"), SQLDataType.INTEGER);
    static final Field<String> PLACE_CITY = field(name("city"), SQLDataType.VARCHAR);
    static final Field<String> PLACE_REGION = field(name("region"), SQLDataType.VARCHAR);
    static final Field<String> PLACE_POSTAL_CODE = field(name("postal_code"), SQLDataType.VARCHAR);
    static final Field<String> PLACE_COUNTRY = field(name("country"), SQLDataType.VARCHAR);
    static final Field<String> PLACE_TIMEZONE = field(name("timezone"), SQLDataType.VARCHAR);

    static final List<String> PRODUCTS = List.of(
            "Merino Crew Sweater", "Canvas Tote Bag", "Trail Running Shoes", "Linen Shirt", "Ceramic Pour-Over Set",
            "Wool Beanie", "Leather Card Wallet", "Rain Shell Jacket", "Organic Cotton Tee", "Insulated Water Bottle",
            "Denim Jacket", "Bamboo Cutting Board");
    static final Field<Integer> PRODUCT_INDEX = field(name("idx"), SQLDataType.INTEGER);
    static final Field<String> PRODUCT_SKU = field(name("sku"), SQLDataType.VARCHAR);
    static final Field<String> PRODUCT_TITLE = field(name("title"), SQLDataType.VARCHAR);

    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam",
            "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq");
    static final List<String> LAST_NAMES = List.of(
            "Andersen", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Johnson",
            "Kowalski", "Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Rossi", "Smith", "Tanaka", "Walker");

    private SyntheticCatalog() {
    }

    /** An attribute of a carrier chosen by weight with a random number in [0, 1). */
    static Field<String> carrier(Field<Double> r, Function<Carrier, String> attribute) {
        CaseConditionStep<String> pick = null;
        double cumulative = 0;
        for (Carrier c : CARRIERS.subList(0, CARRIERS.size() - 1)) {
            cumulative += c.weight();
            Condition below = r.lt(inline(cumulative));
            pick = pick == null ? when(below, inline(attribute.apply(c))) : pick.when(below, inline(attribute.apply(c)));
        }
        return pick.otherwise(inline(attribute.apply(CARRIERS.get(CARRIERS.size() - 1))));
    }

    static Field<String> service(Field<String> carrier) {
        CaseValueStep<String> choose = choose(carrier);
        CaseWhenStep<String, String> service = null;
        for (Carrier c : CARRIERS) {
            service = service == null ? choose.when(inline(c.code()), inline(c.service()))
                    : service.when(inline(c.code()), inline(c.service()));
        }
        return service;
    }

    @SuppressWarnings("unchecked")
    static Table<?> places(String alias) {
        Row6<Integer, String, String, String, String, String>[] rows = PLACES.stream()
                .map(p -> row(inline(PLACES.indexOf(p)), inline(p.city()), inline(p.region()), inline(p.postalCode()),
                        inline(p.country()), inline(p.timezone())))
                .toArray(Row6[]::new);
        return values(rows).as(alias, PLACE_INDEX.getName(), PLACE_CITY.getName(), PLACE_REGION.getName(),
                PLACE_POSTAL_CODE.getName(), PLACE_COUNTRY.getName(), PLACE_TIMEZONE.getName());
    }

    @SuppressWarnings("unchecked")
    static Table<?> products() {
        Row3<Integer, String, String>[] rows = PRODUCTS.stream()
                .map(p -> row(inline(PRODUCTS.indexOf(p)), inline("SKU-" + (1000 + PRODUCTS.indexOf(p))), inline(p)))
                .toArray(Row3[]::new);
        return values(rows).as("product", PRODUCT_INDEX.getName(), PRODUCT_SKU.getName(), PRODUCT_TITLE.getName());
    }
}
