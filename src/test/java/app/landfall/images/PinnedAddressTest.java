package app.landfall.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that answers an allowed address to the check and a forbidden one a moment
 * later must not lead the image proxy to the forbidden one. Everything stays on this machine: in this
 * test 127.0.0.1 (where a server listens) plays the private network and 127.0.0.2 (where nothing
 * listens) the public internet.
 */
class PinnedAddressTest {
    private static final Predicate<InetAddress> NOT_127_0_0_1 = address -> !address.getHostAddress().equals("127.0.0.1");
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private HttpServer local;

    @BeforeEach
    void start() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        local = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        local.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.size());
            exchange.getResponseBody().write(png.toByteArray());
            exchange.close();
        });
        local.start();
    }

    @AfterEach
    void stop() {
        local.stop(0);
    }

    /** Answers 127.0.0.2 to the first lookup and 127.0.0.1 to every later one. */
    private InetAddress[] rebinding(String host) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.2" : "127.0.0.1")};
    }

    private String url(String host) {
        return "http://" + host + ":" + local.getAddress().getPort() + "/logo.png";
    }

    @Test
    void an_image_host_whose_answer_changes_after_the_check_is_never_reached_at_its_new_address() {
        RemoteImages images = new RemoteImages(null, new byte[32], Clock.systemUTC(), true,
                new PublicHttp("test-images", this::rebinding, NOT_127_0_0_1, Duration.ofSeconds(2)));
        RemoteImages.Fetched fetched = images.fetch(url("localhost"));
        assertEquals(0, hits.get(), "the server on the forbidden address was reached");
        assertNotNull(fetched.failure(), "nothing listens on the address that was checked");
    }

    @Test
    void an_allowed_address_is_fetched_from_and_a_forbidden_one_is_refused_before_connecting() {
        PublicHttp http = new PublicHttp("test-images", host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")}, a -> true,
                Duration.ofSeconds(2));
        RemoteImages.Fetched fetched = new RemoteImages(null, new byte[32], Clock.systemUTC(), true, http).fetch(url("any.test"));
        assertNull(fetched.failure(), fetched.failure());
        assertEquals("image/png", fetched.contentType());
        PublicHttp strict = new PublicHttp("test-images", host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")}, NOT_127_0_0_1,
                Duration.ofSeconds(2));
        RemoteImages.Fetched refused = new RemoteImages(null, new byte[32], Clock.systemUTC(), true, strict).fetch(url("any.test"));
        assertEquals("the host any.test is on a private network", refused.failure());
        assertEquals(1, hits.get());
    }
}
