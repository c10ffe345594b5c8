package app.landfall.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The page for a request Jetty refuses before Javalin sees it (an address it cannot parse, such as
 * {@code /t/%zz}): Landfall's look, a language and a title, like every other error page, and
 * never Jetty's version or a stack trace. No store can be known from an unreadable address.
 */
final class UnreadableRequestPage extends ErrorHandler {
    UnreadableRequestPage() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message, Throwable cause)
            throws IOException {
        writer.write("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"" + charset.name() + "\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>This request could not be read &middot; Landfall</title>"
                + "<link rel=\"stylesheet\" href=\"/static/css/landfall.css\"></head><body>"
                + "<header class=\"store-header\"><span class=\"store-name\">Landfall</span></header>"
                + "<main id=\"main\" class=\"container error-page\"><p class=\"eyebrow\">Error " + code + "</p>"
                + "<h1>This request could not be read</h1>"
                + "<p class=\"lead\">The address is not valid. Check the link, or start again from the home page.</p>"
                + "<p><a href=\"/\">Go to the start page</a></p></main></body></html>\n");
    }
}
