package app.landfall.admin;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders admin pages with what the admin layout needs: the user, the section for the navigation, the CSRF header for htmx. */
final class AdminPages {
    private AdminPages() {
    }

    static void render(Context ctx, AdminUser user, String section, String view, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("admin", user);
        all.put("section", section);
        all.put("hxHeaders", "{\"" + AdminAccess.CSRF_HEADER + "\": \"" + user.csrf() + "\"}");
        ctx.render(view, all);
    }
}
