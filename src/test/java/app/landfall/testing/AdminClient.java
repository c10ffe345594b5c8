package app.landfall.testing;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for admin tests: keeps cookies, does not follow redirects, finds CSRF fields. */
public final class AdminClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    /** The cookies as a browser keeps them for this one host and path "/": by name, replaced by each Set-Cookie. */
    private final Map<String, String> jar = new LinkedHashMap<>();
    private final HttpClient http;

    public AdminClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A download (an image, a PDF) as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form with the CSRF value a page at {@code formPage} carries. */
    public HttpResponse<String> submit(String formPage, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(formPage).body()));
        return post(path, form);
    }

    /** Posts a multipart form with one file (and the CSRF value of the page at {@code formPage}). */
    public HttpResponse<String> upload(String formPage, String path, String field, String filename, byte[] content) {
        String csrf = csrf(get(formPage).body());
        String boundary = "----landfall" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Like {@link #submit}, with extra urlencoded text appended (for repeated fields such as checkboxes). */
    public HttpResponse<String> submitRaw(String formPage, String path, Map<String, String> fields, String extra) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(formPage).body()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + extra;
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> signIn(String email, String password) {
        return submit("/admin/login", "/admin/login", Map.of("email", email, "password", password));
    }

    public String session() {
        return jar.get("lf_session");
    }

    public String cookie(String name) {
        return jar.get(name);
    }

    public void plantSession(String value) {
        jar.put("lf_session", value);
    }

    /** A cookie this browser did not get from Landfall (set by another site or a person in the middle, say). */
    public void plantCookie(String name, String value) {
        jar.put(name, value);
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page:\n" + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!jar.isEmpty()) {
            builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<T> response = http.send(builder.build(), body);
            for (String header : response.headers().allValues("Set-Cookie")) {
                HttpCookie cookie = HttpCookie.parse(header).get(0);
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
