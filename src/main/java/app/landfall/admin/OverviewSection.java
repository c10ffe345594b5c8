package app.landfall.admin;

import java.util.List;

/**
 * What one feature puts on the admin overview, given by the feature that owns the data (returns,
 * shipments, messages), so the overview needs no feature's tables and no feature needs the overview.
 */
public interface OverviewSection {

    /** Something that needs someone now, and the filtered list that shows exactly those: "3 returns to review". */
    record Attention(long count, String label, String hint, String href) {
    }

    /**
     * One chart of "the last 7 days". {@code bars} are the days (oldest first) or, for a ranking,
     * its rows (largest first); {@code part} of a bar is its highlighted share (delivered on time),
     * -1 when the chart has none. {@code summary} is the chart in one sentence (its text alternative).
     */
    record Chart(int position, String title, String headline, String summary, String note, boolean ranking,
            String valueHeading, String partHeading, List<Bar> bars, String href, String linkText) {
    }

    /** {@code label} under the bar ("Tue"), {@code name} in the data table ("Tue 8 Dec"), and the list it opens (or null). */
    record Bar(String label, String name, long value, long part, String href) {
    }

    /** What needs someone in this store now, in the order shown (zero counts are left out by the overview). */
    List<Attention> attention(long merchantId);

    /** This feature's charts of the store's last seven days. */
    List<Chart> week(long merchantId, Week week);
}
