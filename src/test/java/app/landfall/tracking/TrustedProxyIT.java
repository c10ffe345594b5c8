package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/** Behind a reverse proxy (LANDFALL_TRUSTED_PROXIES), each visitor has their own lookup allowance. */
class TrustedProxyIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Landfall landfall;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_TRUSTED_PROXIES", "127.0.0.1, ::1")));
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static int lookUpAs(String client, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/demo/track/1ZNOSUCHNUMBER" + n))
                .header("X-Forwarded-For", client).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void one_visitor_running_out_of_lookups_leaves_the_others_theirs() throws Exception {
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            throttled += lookUpAs("198.51.100.1", i) == 429 ? 1 : 0;
        }
        assertTrue(throttled >= 15, "the rapid visitor is throttled: " + throttled);
        assertEquals(404, lookUpAs("198.51.100.2", 99), "another visitor behind the same proxy is not");
        // a spoofed left-most entry does not buy a fresh allowance: the proxy appended the real one
        assertEquals(429, lookUpAs("203.0.113.50, 198.51.100.1", 100));
    }
}
