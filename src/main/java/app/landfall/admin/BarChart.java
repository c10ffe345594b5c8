package app.landfall.admin;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the overview's small bar charts, in SVG user units; the template draws it, so
 * every label is escaped like any other text. Days are columns with their value above them; a
 * ranking is rows, a label over each bar. The tallest bar fills the height; a value above zero
 * always shows at least a sliver, and zero draws no bar (the value "0" still stands on the line).
 */
public final class BarChart {
    static final int WIDTH = 320;
    static final int DAYS_HEIGHT = 140;
    private static final int TOP = 18;
    private static final int BOTTOM = 22;
    private static final int ROW = 34;
    private static final double MIN_BAR = 2;
    private static final int LABEL_CHARS = 36;

    private BarChart() {
    }

    /** One bar: its box, the highlighted share's box at its foot (height 0 when none), and where its texts go. */
    public record Shape(String label, String value, double x, double y, double width, double height, double partY, double partHeight,
            double labelX, double labelY, double valueX, double valueY) {
    }

    public record Layout(int width, int height, double baseline, List<Shape> shapes) {
        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /** Columns, one a day, oldest first. */
    public static Layout days(List<OverviewSection.Bar> bars) {
        double plot = DAYS_HEIGHT - TOP - BOTTOM;
        double baseline = TOP + plot;
        long max = max(bars);
        double slot = bars.isEmpty() ? WIDTH : (double) WIDTH / bars.size();
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            OverviewSection.Bar bar = bars.get(i);
            double height = scaled(bar.value(), max, plot);
            double part = bar.part() < 0 ? 0 : scaled(Math.min(bar.part(), bar.value()), max, plot);
            double x = i * slot + slot * 0.18;
            double width = slot * 0.64;
            double centre = i * slot + slot / 2;
            shapes.add(new Shape(bar.label(), number(bar.value()), round(x), round(baseline - height), round(width), round(height),
                    round(baseline - part), round(part), round(centre), DAYS_HEIGHT - 6, round(centre), round(baseline - height - 5)));
        }
        return new Layout(WIDTH, DAYS_HEIGHT, baseline, shapes);
    }

    /** Rows, largest first: a label, then its bar with the value at its end. */
    public static Layout ranking(List<OverviewSection.Bar> bars) {
        long max = max(bars);
        double room = WIDTH - 56; // the longest bar leaves room for its value
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            OverviewSection.Bar bar = bars.get(i);
            double top = i * ROW;
            double width = scaled(bar.value(), max, room);
            shapes.add(new Shape(shorten(bar.label()), number(bar.value()), 0, round(top + 17), round(width), 11, 0, 0,
                    0, round(top + 12), round(width + 5), round(top + 27)));
        }
        return new Layout(WIDTH, Math.max(ROW, bars.size() * ROW), 0, shapes);
    }

    /** A count as the chart prints it: "950", "1,234", "12.5k", "3.4M" (the data table has the exact figure). */
    public static String number(long value) {
        if (value < 10_000) {
            return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
        }
        if (value < 999_500) {
            return trim(value / 1_000.0) + "k";
        }
        return trim(Math.max(1, value / 1_000_000.0)) + "M"; // 999,999 reads "1M", not "1000k"
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", Math.floor(v * 10) / 10);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static long max(List<OverviewSection.Bar> bars) {
        return bars.stream().mapToLong(OverviewSection.Bar::value).max().orElse(0);
    }

    private static double scaled(long value, long max, double room) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(MIN_BAR, room * value / max);
    }

    /** A reason's label on one line; the data table below the chart has it whole. */
    static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).stripTrailing() + "…";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
