package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What every response has in common: headers, error pages, no stack traces. */
class WebIT {
    private static Landfall landfall;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/health", "/no-such-page", "/static/css/landfall.css", "/t/not-a-real-token-at-all-really"})
    void every_response_carries_the_security_headers(String path) throws Exception {
        HttpResponse<String> response = get(path, "text/html");
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
    }

    @Test
    void the_home_page_says_what_runs_here_and_links_to_the_demo() throws Exception {
        HttpResponse<String> response = get("/", "text/html");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Landfall is running"));
        assertTrue(response.body().contains("href=\"/demo/track\""));
        assertTrue(response.body().contains("href=\"/t/"));
    }

    @Test
    void an_unknown_page_gets_a_styled_404_page() throws Exception {
        HttpResponse<String> response = get("/no/such/page", "text/html");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("<link rel=\"stylesheet\" href=\"/static/css/landfall.css\">"));
        assertTrue(response.body().contains("There is nothing at this address"));
        assertFalse(response.body().contains("Endpoint GET"));
    }

    @Test
    void an_unknown_store_gets_a_404_that_says_so() throws Exception {
        HttpResponse<String> response = get("/no-such-store/track", "text/html");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("We could not find that parcel"), "the same answer as any unknown parcel");
    }

    @Test
    void the_api_answers_errors_with_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", null);
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }

    @Test
    void the_tracking_link_of_a_demo_parcel_shows_its_history() throws Exception {
        String home = get("/", "text/html").body();
        String link = home.replaceAll("(?s).*href=\"(/t/[A-Za-z0-9_-]+)\".*", "$1");
        HttpResponse<String> page = get(link, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Tracking history"));
        assertTrue(page.body().contains("<ol class=\"timeline\">"), "the demo parcel has scans");
        HttpResponse<String> fragment = HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + link))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(fragment.body().trim().startsWith("<input type=\"hidden\" id=\"status-version\""), fragment.body());
        assertFalse(fragment.body().contains("<html"));
    }
}
