package app.landfall.web;

import io.javalin.http.Context;

/** Headers every response carries, pages, files and errors alike. */
public final class SecurityHeaders {
    // No inline script or style anywhere: everything comes from our own origin.
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:", // other hosts' images come through /img/ (images/RemoteImages)
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    // An email's HTML as the admin previews it: its own inline styles and images, never a script, a
    // form or a plugin; shown only in a frame of our own pages (the Messages screen's sandboxed iframe).
    static final String EMAIL_PREVIEW_POLICY = String.join("; ",
            "default-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src https: data:",
            "form-action 'none'",
            "frame-ancestors 'self'",
            "base-uri 'none'",
            "sandbox");

    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // tracking links carry secret tokens: never hand them to the carrier sites we link to
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), browsing-topics=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /**
     * For the one response that is a stored email's HTML: replaces the page policy (which forbids
     * inline styles and every frame) with one that lets the email look as it does in a mail client,
     * inside a frame of this site only, and with no script at all.
     */
    public static void emailPreview(Context ctx) {
        ctx.header("Content-Security-Policy", EMAIL_PREVIEW_POLICY);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
