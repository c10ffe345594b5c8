package app.landfall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The overview's bar charts: what each bar's height says, for the data a store can have. */
class BarChartTest {
    private static final double PLOT = 100; // the days chart's height less its room for values and labels

    static Stream<Arguments> weeks() {
        return Stream.of(
                // values, expected heights
                Arguments.of(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)),
                Arguments.of(List.of(0L, 0L, 0L, 0L, 0L, 0L, 5L), List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, PLOT)),
                Arguments.of(List.of(1L, 2L, 4L, 0L, 0L, 0L, 0L), List.of(25.0, 50.0, PLOT, 0.0, 0.0, 0.0, 0.0)),
                Arguments.of(List.of(1L, 5_000_000L, 2_500_000L, 0L, 0L, 0L, 0L), List.of(2.0, PLOT, 50.0, 0.0, 0.0, 0.0, 0.0)),
                Arguments.of(List.of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0L, 0L, 0L, 0L, 0L), List.of(PLOT, PLOT, 0.0, 0.0, 0.0, 0.0, 0.0)));
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void the_tallest_day_fills_the_chart_a_small_one_still_shows_and_zero_draws_nothing(List<Long> values, List<Double> heights) {
        BarChart.Layout layout = BarChart.days(bars(values, -1));
        assertEquals(heights, layout.shapes().stream().map(BarChart.Shape::height).toList());
        for (BarChart.Shape s : layout.shapes()) {
            assertEquals(layout.baseline(), s.y() + s.height(), 0.11, "every bar stands on the line");
            assertTrue(s.x() >= 0 && s.x() + s.width() <= layout.width(), "inside the chart: " + s);
            assertTrue(s.valueY() > 0, "the value is drawn inside the chart, above the bar");
        }
    }

    @Test
    void a_single_day_is_one_bar_across_the_middle_of_the_chart() {
        BarChart.Layout layout = BarChart.days(bars(List.of(3L), -1));
        BarChart.Shape only = layout.shapes().get(0);
        assertEquals(PLOT, only.height());
        assertEquals(layout.width() / 2.0, only.labelX());
        assertEquals("3", only.value());
    }

    @Test
    void the_highlighted_share_sits_at_the_foot_of_its_bar_and_never_exceeds_it() {
        BarChart.Layout layout = BarChart.days(List.of(bar(10, 6), bar(10, 0), bar(5, 9)));
        List<Double> parts = layout.shapes().stream().map(BarChart.Shape::partHeight).toList();
        assertEquals(List.of(60.0, 0.0, 50.0), parts);
        for (BarChart.Shape s : layout.shapes()) {
            assertEquals(s.y() + s.height(), s.partY() + s.partHeight(), 0.11);
        }
    }

    @Test
    void a_ranking_is_one_row_a_reason_the_largest_widest_and_a_long_label_shortened() {
        String longLabel = "The colour is different from the photos on the product page";
        BarChart.Layout layout = BarChart.ranking(List.of(new OverviewSection.Bar(longLabel, longLabel, 8, -1, null), bar(2, -1)));
        assertEquals(2, layout.shapes().size());
        assertEquals(264.0, layout.shapes().get(0).width());
        assertEquals(66.0, layout.shapes().get(1).width());
        assertTrue(layout.shapes().get(0).label().endsWith("…") && layout.shapes().get(0).label().length() <= 36, layout.shapes().get(0).label());
        assertTrue(layout.shapes().get(1).y() > layout.shapes().get(0).y() + 11, "rows do not overlap");
        assertEquals(68, layout.height());
    }

    @Test
    void an_empty_ranking_still_has_a_height() {
        assertEquals(34, BarChart.ranking(List.of()).height());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "7, 7", "9999, '9,999'", "10000, 10k", "12549, 12.5k", "999499, 999k", "999999, 1M", "1250000, 1.2M", "150000000, 150M"})
    void a_count_is_printed_short_enough_to_fit_over_its_bar(long value, String printed) {
        assertEquals(printed, BarChart.number(value));
    }

    private static List<OverviewSection.Bar> bars(List<Long> values, long part) {
        List<OverviewSection.Bar> bars = new ArrayList<>();
        for (long v : values) {
            bars.add(new OverviewSection.Bar("d", "day", v, part, null));
        }
        return bars;
    }

    private static OverviewSection.Bar bar(long value, long part) {
        return new OverviewSection.Bar("x", "x", value, part, null);
    }
}
