package app.landfall.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Before every route: the text a request carries outside a JSON body (its path, query, form fields,
 * uploaded files' names and headers) must be {@link StorableText}, else 400 with the reason: an
 * error page for a form, problem+json for the API. One check here instead of one per field.
 * JSON bodies are checked field by field as they are read ({@link JsonFields}), CSV cells by the import.
 */
final class RequestText {
    private static final String REFUSED = "The request contains a control character (such as a NUL byte) or broken Unicode in ";

    private RequestText() {
    }

    static void check(Context ctx) {
        try {
            if (!StorableText.isStorable(URLDecoder.decode(ctx.path(), StandardCharsets.UTF_8))) {
                refuse("its address.");
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The address is not valid: a % must be followed by two hexadecimal digits.");
        }
        ctx.headerMap().forEach((name, value) -> { // Idempotency-Key, X-Shopify-Webhook-Id, … (Jetty refuses most already)
            if (!storable(name, List.of(value))) {
                refuse("the header " + shown(name) + ".");
            }
        });
        Map<String, List<String>> query;
        try {
            query = ctx.queryParamMap();
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The address is not valid: a % must be followed by two hexadecimal digits.");
        }
        query.forEach((name, values) -> {
            if (!storable(name, values)) {
                refuse("the address's parameter " + shown(name) + ".");
            }
        });
        if (!isForm(ctx)) {
            return;
        }
        try {
            ctx.formParamMap().forEach((name, values) -> {
                if (!storable(name, values)) {
                    refuse("the field " + shown(name) + ". Remove it and try again; nothing was saved.");
                }
            });
            if (ctx.isMultipartFormData()) {
                ctx.uploadedFileMap().forEach((name, files) -> files.forEach(file -> {
                    if (!StorableText.isStorable(file.filename())) {
                        refuse("the name of the file in " + shown(name) + ". Rename the file and try again; nothing was saved.");
                    }
                }));
            }
        } catch (RuntimeException e) {
            throw unreadable(e);
        } catch (Exception e) { // the servlet API's checked exceptions, thrown through Javalin
            throw unreadable(e);
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean storable(String name, Collection<String> values) {
        return StorableText.isStorable(name) && values.stream().allMatch(StorableText::isStorable);
    }

    /** A field's name as the message shows it: without the characters that are the problem. */
    private static String shown(String name) {
        return "\"" + name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "") + "\"";
    }

    private static void refuse(String where) {
        throw new BadRequestResponse(REFUSED + where);
    }

    /** A form Jetty cannot parse (a part's header with a NUL in it, say) is the sender's mistake: 400, not 500. */
    private static RuntimeException unreadable(Exception e) {
        if (e instanceof BadRequestResponse refused) {
            return refused;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException) {
                return new BadRequestResponse("The form could not be read: a field or a file name contains a control character "
                        + "(such as a NUL byte) or other text that is not allowed. Nothing was saved.");
            }
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}
