package app.landfall.web;

import io.javalin.http.Context;

/** The htmx request headers this app cares about. */
public final class Htmx {
    private Htmx() {
    }

    /**
     * Whether to answer with a fragment: htmx asked for part of a page. Boosted links and forms
     * (hx-boost on the layout) also send HX-Request, but they want the whole page.
     */
    public static boolean wantsFragment(Context ctx) {
        return ctx.header("HX-Request") != null && ctx.header("HX-Boosted") == null;
    }
}
