package app.landfall.admin;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview, the admin's start page: what needs someone now (each with its filtered list), and
 * the store's last seven days at a glance, in the store's time zone.
 */
public final class AdminHome {
    private final List<OverviewSection> sections;
    private final Clock clock;

    AdminHome(List<OverviewSection> sections, Clock clock) {
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /** A chart with its drawing, and the id its SVG title and table are named by. */
    public record Shown(OverviewSection.Chart chart, BarChart.Layout layout, String id) {
    }

    /** GET /admin */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        Week week = Week.ending(clock, user.zone());
        List<OverviewSection.Attention> attention = new ArrayList<>();
        List<OverviewSection.Chart> charts = new ArrayList<>();
        for (OverviewSection section : sections) {
            section.attention(user.merchantId()).stream().filter(a -> a.count() > 0).forEach(attention::add);
            charts.addAll(section.week(user.merchantId(), week));
        }
        charts.sort(Comparator.comparingInt(OverviewSection.Chart::position));
        List<Shown> shown = new ArrayList<>();
        for (OverviewSection.Chart chart : charts) {
            shown.add(new Shown(chart, chart.ranking() ? BarChart.ranking(chart.bars()) : BarChart.days(chart.bars()),
                    "chart-" + shown.size()));
        }
        String zone = user.zone().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        AdminPages.render(ctx, user, "overview", "admin/home", Map.of("attention", attention, "charts", shown,
                "period", Week.longDay(week.first()) + " – " + Week.longDay(week.today()), "zone", zone));
    }
}
