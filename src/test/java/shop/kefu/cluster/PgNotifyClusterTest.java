package shop.kefu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.kefu.support.TestDatabase;

/**
 * Two fan-outs in one JVM on the run's PostgreSQL database, as two nodes would hold them: what one
 * publishes the other receives, never itself; a change awaited returns once the other has handled it;
 * a cut listening connection comes back and says that something may have been missed. (The service
 * paths across two real nodes: {@link TwoNodesIT}.) On H2 there is no LISTEN/NOTIFY: skipped.
 */
class PgNotifyClusterTest {

    private final BlockingQueue<ClusterMessage> atA = new LinkedBlockingQueue<>();
    private final BlockingQueue<ClusterMessage> atB = new LinkedBlockingQueue<>();
    private final AtomicBoolean bSlow = new AtomicBoolean();
    private PgNotifyCluster a;
    private PgNotifyCluster b;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "LISTEN/NOTIFY needs PostgreSQL (bash .ci/with-postgres ./mvnw test -Dtest=PgNotifyClusterTest)");
        a = new PgNotifyCluster(url(), user(), password(), atA::add, Executors.newCachedThreadPool());
        b = new PgNotifyCluster(url(), user(), password(), m -> {
            if (bSlow.get()) {
                sleep(800);
            }
            atB.add(m);
        }, Executors.newCachedThreadPool());
        a.start();
        b.start();
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
            b.close();
        }
    }

    @Test
    void whatOneNodePublishesTheOtherReceivesAndItselfDoesNot() throws Exception {
        a.publish("event", "c-1 7");
        ClusterMessage m = atB.poll(5, TimeUnit.SECONDS);
        assertEquals(new ClusterMessage("event", "c-1 7"), m);
        assertNull(atA.poll(300, TimeUnit.MILLISECONDS), "a node never hears itself");
    }

    @Test
    void anAwaitedChangeReturnsOnceTheOtherNodeHasHandledIt() {
        bSlow.set(true);
        long t0 = System.nanoTime();
        a.publishAndAwait("policy", "", Duration.ofSeconds(10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, atB.size(), "handled before the call returned");
        assertTrue(ms >= 800 && ms < 5_000, "waited for the slow handler, not for the time-out: " + ms + " ms");
    }

    @Test
    void aCutListeningConnectionComesBackAndResyncs() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kefu-node-" + b.node() + "'");
        }
        assertEquals(ClusterMessage.RESYNC, atB.poll(10, TimeUnit.SECONDS).topic(), "told that messages may have been missed");
        a.publish("queue", "");
        assertEquals("queue", atB.poll(5, TimeUnit.SECONDS).topic(), "and listening again");
    }

    private static String url() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    }

    private static String user() {
        return System.getenv("QUARKUS_DATASOURCE_USERNAME");
    }

    private static String password() {
        return System.getenv("QUARKUS_DATASOURCE_PASSWORD");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        try {
            DriverManager.registerDriver(new org.postgresql.Driver());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
