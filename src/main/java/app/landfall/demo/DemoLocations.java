package app.landfall.demo;

import app.landfall.db.schema.tables.records.StoreLocationsRecord;
import java.time.OffsetDateTime;
import java.util.List;

/** Where Alder & Ash takes returns over the counter: two shops and the warehouse's returns desk. */
final class DemoLocations {
    private DemoLocations() {
    }

    static List<StoreLocationsRecord> of(long merchantId, OffsetDateTime opened) {
        return List.of(
                location(merchantId, 1, "Alder & Ash Burlington", "112 Church Street", "Burlington", "05401",
                        "Mon–Sat 10:00–19:00\nSun 11:00–17:00", opened),
                location(merchantId, 2, "Alder & Ash Stowe", "1800 Mountain Road", "Stowe", "05672",
                        "Daily 9:00–18:00", opened),
                location(merchantId, 3, "Returns desk at our warehouse", "88 Harvest Lane, Dock 3", DemoRoutes.WAREHOUSE.city(),
                        DemoRoutes.WAREHOUSE.postalCode(), "Mon–Fri 9:00–17:00", opened));
    }

    private static StoreLocationsRecord location(long merchantId, int position, String name, String line1, String city,
            String postalCode, String hours, OffsetDateTime opened) {
        return new StoreLocationsRecord().setMerchantId(merchantId).setName(name).setAddressLine1(line1).setCity(city)
                .setRegion("VT").setPostalCode(postalCode).setCountry("US").setOpeningHours(hours).setPosition(position)
                .setActive(true).setCreatedAt(opened).setUpdatedAt(opened);
    }
}
