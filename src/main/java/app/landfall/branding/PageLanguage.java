package app.landfall.branding;

import app.landfall.i18n.Languages;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** The language of a merchant's public page, the same way on every page of the site. */
public final class PageLanguage {
    private PageLanguage() {
    }

    /**
     * ?lang= (remembered in a cookie, so the next page keeps it), then the cookie, then
     * Accept-Language, then the brand's default; only among the languages the brand enables.
     */
    public static String of(Context ctx, Brand brand) {
        String query = ctx.queryParam("lang");
        String lang = Languages.choose(query, ctx.cookie("lang"), ctx.header("Accept-Language"), brand.pageLanguages(),
                brand.defaultLanguage());
        if (query != null && query.equals(lang)) {
            Cookie cookie = new Cookie("lang", lang);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            cookie.setSecure(ctx.scheme().equals("https"));
            ctx.cookie(cookie);
        }
        return lang;
    }
}
