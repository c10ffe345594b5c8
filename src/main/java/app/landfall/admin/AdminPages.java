package app.landfall.admin;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Renders admin pages with what the admin layout needs: the user, the section for the navigation, the CSRF header for htmx. */
public final class AdminPages {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm zzz", Locale.ENGLISH);

    private AdminPages() {
    }

    public static void render(Context ctx, AdminUser user, String section, String view, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("admin", user);
        all.put("section", section);
        all.put("hxHeaders", "{\"" + AdminAccess.CSRF_HEADER + "\": \"" + user.csrf() + "\"}");
        Flash flash = ctx.attribute(Flash.ATTRIBUTE);
        String slot = flash == null ? null : flash.problem() ? "problem" : "notice";
        if (slot != null && all.get(slot) == null && isPage(ctx)) {
            all.put(slot, flash.take());
        }
        ctx.render(view, all);
    }

    /**
     * Leaves a notice ("The key is revoked") for the next admin page this session shows: call it,
     * then redirect. The notice is kept with the session on the server; a URL cannot carry one.
     */
    public static void flash(Context ctx, String notice) {
        flashOf(ctx).leave(notice, false);
    }

    /** Like {@link #flash}, for a notice that says what went wrong (shown as an error). */
    public static void flashProblem(Context ctx, String problem) {
        flashOf(ctx).leave(problem, true);
    }

    private static Flash flashOf(Context ctx) {
        Flash flash = ctx.attribute(Flash.ATTRIBUTE);
        if (flash == null) {
            throw new IllegalStateException("a notice left outside the admin guard");
        }
        return flash;
    }

    /** A whole page (also an htmx-boosted one), not a fragment swapped into a page that stays. */
    private static boolean isPage(Context ctx) {
        return ctx.header("HX-Request") == null || ctx.header("HX-Boosted") != null;
    }

    /** A moment as the admin lists it, in the store's time zone and naming it: "Dec 7, 2026 14:05 PST". The one place the admin formats a time. */
    public static String time(OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone).format(SHOWN);
    }

}
