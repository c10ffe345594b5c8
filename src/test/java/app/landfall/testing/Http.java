package app.landfall.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small HTTP client for API and webhook tests: JSON in, JSON out, and the RFC 9457 checks. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path, String apiKey) {
        return send(request(path, apiKey).GET().build());
    }

    public HttpResponse<String> post(String path, String apiKey, String body, String... headers) {
        return post(path, apiKey, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, String apiKey, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, apiKey).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A download (an image, a PDF) as bytes. */
    public HttpResponse<byte[]> getBytes(String path, String apiKey) {
        try {
            return CLIENT.send(request(path, apiKey).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back for a raw request: status line code, Content-Type and body. */
    public record Raw(int status, String contentType, String body) {
    }

    /**
     * Announces a body of {@code declaredLength} bytes but sends only the first 64 KB, as a client
     * uploading a huge file would be doing when the server answers: the server must refuse it from its
     * headers. (A real client sending the whole body races the server closing the connection, which
     * makes such tests flaky; so this one speaks HTTP/1.1 over a socket itself.)
     */
    public Raw postOversize(String path, String apiKey, int declaredLength, String... headers) {
        URI uri = URI.create(baseUrl + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(declaredLength).append("\r\n")
                    .append("Connection: close\r\n");
            if (apiKey != null) {
                head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
            }
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(new byte[65_536]);
                out.flush();
            } catch (IOException closedByServer) {
                // the answer is already on its way
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String contentType = response.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring(13).trim()).findFirst().orElse("");
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Raw(status, contentType, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The announced oversize body was refused with 413 problem+json. */
    public static void assertTooLarge(Raw response) {
        assertEquals(413, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response is {@code status} as problem+json and, when {@code field} is given, names that field. */
    public static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.body());
        if (field != null) {
            boolean named = false;
            for (JsonNode error : json(response).path("errors")) {
                named |= error.get("field").asText().equals(field);
            }
            assertTrue(named, "expected an error for " + field + ": " + response.body());
        }
    }
}
