package app.landfall.admin;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The overview: what needs someone today, section by section. */
public final class AdminHome {
    private final List<OverviewSection> sections;

    AdminHome(List<OverviewSection> sections) {
        this.sections = List.copyOf(sections);
    }

    record Shown(String heading, List<OverviewSection.Tile> tiles) {
    }

    /** GET /admin */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        List<Shown> shown = sections.stream().map(s -> new Shown(s.heading(), s.tiles(user.merchantId()))).toList();
        AdminPages.render(ctx, user, "overview", "admin/home", Map.of("sections", shown));
    }
}
