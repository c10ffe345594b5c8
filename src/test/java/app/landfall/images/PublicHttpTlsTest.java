package app.landfall.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting to the checked address does not weaken TLS: the certificate is still checked against
 * the host name the URL names, not against the address connected to. A local https server with a
 * certificate for "localhost" only, trusted by this test; every name resolves to 127.0.0.1.
 */
class PublicHttpTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static KeyStore trusted;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "localhost", "-dname", "CN=localhost", "-ext", "san=dns:localhost",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("localhost", keys.getCertificate("localhost"));

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static int post(String host) throws IOException, InterruptedException {
        PublicHttp http = new PublicHttp("test-tls", name -> new InetAddress[] {InetAddress.getByName("127.0.0.1")}, a -> true,
                Duration.ofSeconds(2), trusted);
        URI uri = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/hooks");
        return http.post(uri, Map.of(), "application/json", "{}".getBytes(), Duration.ofSeconds(5));
    }

    @Test
    void the_certificate_is_checked_against_the_host_name_not_the_address_connected_to() throws Exception {
        assertEquals(204, post("localhost"), "the certificate names localhost");
        IOException refused = assertThrows(IOException.class, () -> post("other.test"), "same address, but the certificate does not name other.test");
        assertTrue(refused instanceof SSLHandshakeException && refused.getMessage().contains("other.test"), refused.toString());
    }
}
