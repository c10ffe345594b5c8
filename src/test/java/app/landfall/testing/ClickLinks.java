package app.landfall.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The click-counting links in messages ({@code /m/<code>}): where one leads, followed as a reader would. */
public final class ClickLinks {
    public static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+/m/[0-9a-z]+-[A-Za-z0-9_-]{10}");
    private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirect: the 303 is checked

    private ClickLinks() {
    }

    /** The first counting link in {@code text}. */
    public static String in(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "a /m/ link in: " + text);
        return m.group();
    }

    /** Clicks {@code link} and returns where it sends the reader (a 303's Location). */
    public static String follow(String link) {
        HttpResponse<String> response = get(link);
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    public static HttpResponse<String> get(String link) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
