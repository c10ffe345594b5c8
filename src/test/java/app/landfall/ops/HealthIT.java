package app.landfall.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Landfall landfall, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reports_ok_while_the_database_answers() throws Exception {
        try (Landfall landfall = Landfall.start(TestDatabase.config())) {
            HttpResponse<String> response = get(landfall, "/health");
            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"ok\",\"database\":\"up\"}", response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        }
    }

    @Test
    void reports_503_and_shows_a_styled_500_page_when_the_database_is_gone() throws Exception {
        try (Landfall landfall = Landfall.start(TestDatabase.config())) {
            // the pool going away is what a dead database looks like from here
            ((com.zaxxer.hikari.HikariDataSource) landfall.database().dataSource()).close();
            HttpResponse<String> response = get(landfall, "/health");
            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("\"database\":\"down\""), response.body());

            HttpResponse<String> page = get(landfall, "/");
            assertEquals(500, page.statusCode());
            assertTrue(page.body().contains("Something went wrong on our side"), page.body());
            assertTrue(page.body().contains("mention incident"), "an incident id to quote to support");
            assertFalse(page.body().contains("Exception"), "no stack trace or exception names on the page");
        }
    }
}
