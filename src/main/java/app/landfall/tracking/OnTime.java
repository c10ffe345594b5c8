package app.landfall.tracking;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether delivered parcels came on time: by the end of the day the store promised (the order's
 * promised delivery date) where it promised one, else of the carrier's latest estimate. A parcel
 * with neither has nothing to be late against and is left out of the rate, not counted on time.
 */
final class OnTime {
    private OnTime() {
    }

    /** {@code count} parcels delivered on day {@code day} (0 = the week's first) with these dates. */
    record Delivered(int day, LocalDate promised, LocalDate estimate, long count) {
    }

    /**
     * Per day: parcels delivered, those with a date to be measured against, and those on time. {@code againstPromise} and {@code againstEstimate}
     * say what each parcel was measured against; {@code noDate} had nothing to measure against.
     */
    record Tally(long[] delivered, long[] dated, long[] onTime, long againstPromise, long againstEstimate, long noDate) {
        long total() {
            return sum(delivered);
        }

        long totalOnTime() {
            return sum(onTime);
        }

        /** Those with a date to be measured against. */
        long measured() {
            return againstPromise + againstEstimate;
        }

        /** The share on time, in whole percent rounded down (99.6% is not "100%"), or -1 with nothing measured. */
        int percent() {
            return measured() == 0 ? -1 : (int) (totalOnTime() * 100 / measured());
        }

        private static long sum(long[] values) {
            long total = 0;
            for (long v : values) {
                total += v;
            }
            return total;
        }
    }

    static Tally tally(List<LocalDate> days, List<Delivered> rows) {
        long[] delivered = new long[days.size()];
        long[] dated = new long[days.size()];
        long[] onTime = new long[days.size()];
        long promise = 0;
        long estimate = 0;
        long none = 0;
        for (Delivered row : rows) {
            delivered[row.day()] += row.count();
            LocalDate due = row.promised() != null ? row.promised() : row.estimate();
            if (row.promised() != null) {
                promise += row.count();
            } else if (row.estimate() != null) {
                estimate += row.count();
            } else {
                none += row.count();
                continue;
            }
            dated[row.day()] += row.count();
            if (!days.get(row.day()).isAfter(due)) {
                onTime[row.day()] += row.count();
            }
        }
        return new Tally(delivered, dated, onTime, promise, estimate, none);
    }
}
