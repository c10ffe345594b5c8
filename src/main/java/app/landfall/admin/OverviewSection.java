package app.landfall.admin;

import java.util.List;

/**
 * One section of the admin overview ("Returns", "Shipments"), given by the feature that owns the
 * data, so the overview needs no feature's tables and no feature needs the overview.
 */
public interface OverviewSection {

    /** A count with what it means and the list it opens: "3 waiting for review". */
    record Tile(long count, String label, String href) {
    }

    String heading();

    /** The tiles for one store, in the order shown. */
    List<Tile> tiles(long merchantId);
}
