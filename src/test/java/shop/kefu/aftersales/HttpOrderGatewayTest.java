package shop.kefu.aftersales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The HTTP order gateway against a local fake of a shop's order system (real HTTP on loopback). */
class HttpOrderGatewayTest {

    static final String ORDER = """
            {"orderId":"S-1","customerId":"C1","category":"fresh","status":"delivered","deliveredAt":"2026-11-21T10:00:00+08:00",
             "items":[{"sku":"STRAW","name":"草莓","qty":2,"price":19.9,"custom":false}],"warehouse":"SH-01"}""";

    HttpServer server;
    final List<String> authHeaders = new ArrayList<>();
    volatile int status = 200;
    HttpOrderGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/customers/C1/orders", ex -> respond(ex, "[" + ORDER + "]"));
        server.createContext("/api/customers/C2/orders", ex -> respond(ex, "[" + ORDER + "]")); // a buggy remote
        server.createContext("/api/orders/S-1", ex -> respond(ex, ORDER));
        server.createContext("/api/orders/", ex -> respond(ex, null));
        server.start();
        gateway = new HttpOrderGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/api/", "secret-key",
                Duration.ofSeconds(2), new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    private void respond(HttpExchange ex, String body) throws IOException {
        authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
        int code = body == null ? 404 : status;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsTheCustomersOrdersWithTheKey() {
        List<Order> orders = gateway.ordersOf("C1");
        assertEquals(1, orders.size());
        assertEquals("草莓", orders.get(0).items().get(0).name());
        assertEquals("Bearer secret-key", authHeaders.get(0));
        assertTrue(gateway.find("C1", "S-1").isPresent());
    }

    @Test
    void anotherCustomersOrderIsMissingWhateverTheRemoteSays() {
        assertTrue(gateway.find("C2", "S-1").isEmpty());
        assertTrue(gateway.ordersOf("C2").isEmpty());
        assertTrue(gateway.find("C1", "NOPE").isEmpty());
    }

    @Test
    void failuresAreClear() {
        status = 500;
        var e = assertThrows(HttpOrderGateway.OrderSystemException.class, () -> gateway.ordersOf("C1"));
        assertTrue(e.getMessage().contains("500"));
        server.stop(0);
        assertThrows(HttpOrderGateway.OrderSystemException.class, () -> gateway.find("C1", "S-1"));
    }
}
