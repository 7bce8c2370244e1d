package shop.kefu.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Fan-out between nodes through PostgreSQL's LISTEN/NOTIFY, over two connections of its own (outside
 * the pool, whose connections are handed out per transaction): one LISTENs and waits for notifications
 * on a thread of its own, one sends. A notification reaches every session listening on the channel in
 * the same database once the NOTIFY commits, this node's own listener included: each message carries
 * the sending node's id, and a node drops its own.
 *
 * <p>Sending happens on a thread of its own, in the order published, after the transaction that stored
 * the change has committed: a turn never waits on it. A listener that loses its connection reconnects
 * with backoff (250 ms doubling to 30 s) and then fires {@link ClusterMessage#RESYNC}, since PostgreSQL
 * does not keep notifications for a session that was away.
 *
 * <p>For {@link #publishAndAwait} the nodes to wait for are the listening sessions themselves: each
 * listener connects with the application name {@code kefu-node-<id>}, so {@code pg_stat_activity} says
 * which nodes are up without a registry that could go stale; each confirms with an {@code applied}
 * message once its handlers have run.
 *
 * <p>Wire format: {@code node|topic|request|payload}, request empty unless the sender waits for it.
 */
final class PgNotifyCluster implements Cluster, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PgNotifyCluster.class);
    static final String CHANNEL = "kefu_cluster";
    private static final String NODE_NAME = "kefu-node-";
    private static final String APPLIED = "applied";
    private static final long MAX_BACKOFF_MS = 30_000;
    /** Waits for notifications this long at a time; every few empty waits the connection is checked. */
    private static final int POLL_MS = 1_000;
    private static final int CHECK_EVERY_POLLS = 10;

    private final String url;
    private final Properties credentials;
    private final Consumer<ClusterMessage> receiver;
    private final Executor handlers;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "kefu-cluster-notify"));
    private final Thread listener = daemon(this::listen, "kefu-cluster-listen");
    private final CountDownLatch firstListen = new CountDownLatch(1);
    /** Requests this node waits on: the nodes that have not confirmed yet. */
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Connection listening;
    private Connection sending;

    private record Awaited(Set<String> nodes, CompletableFuture<Void> done) {
    }

    /**
     * @param receiver handles a message from another node (may block: it runs on {@code handlers}); a
     *        request is confirmed once it returns
     */
    PgNotifyCluster(String url, String user, String password, Consumer<ClusterMessage> receiver, Executor handlers) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.receiver = receiver;
        this.handlers = handlers;
    }

    /** Starts listening; returns once the first LISTEN is in place (or after a few seconds without). */
    void start() {
        listener.start();
        try {
            if (!firstListen.await(10, TimeUnit.SECONDS)) {
                LOG.warnf("Node %s is not listening to the other nodes yet (the database does not answer); it keeps trying", node);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String node() {
        return node;
    }

    @Override
    public void publish(String topic, String payload) {
        String message = encode(topic, "", payload);
        onSender(() -> send(message));
    }

    @Override
    public void publishAndAwait(String topic, String payload, Duration max) {
        String request = UUID.randomUUID().toString().substring(0, 12);
        String message = encode(topic, request, payload);
        Awaited wait = new Awaited(ConcurrentHashMap.newKeySet(), new CompletableFuture<>());
        awaited.put(request, wait);
        try {
            onSender(() -> {
                Set<String> peers = peers();
                wait.nodes().addAll(peers);
                send(message);
                if (peers.isEmpty()) {
                    wait.done().complete(null);
                }
            });
            wait.done().get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Nodes %s did not confirm %s within %s; they apply it when they can", wait.nodes(), topic, max);
        } catch (ExecutionException e) {
            LOG.warnf("Could not wait for the other nodes to apply %s: %s", topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaited.remove(request);
        }
    }

    private String encode(String topic, String request, String payload) {
        String message = node + "|" + topic + "|" + request + "|" + payload;
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("Cluster message over " + MAX_PAYLOAD + " bytes: " + topic);
        }
        return message;
    }

    private void onSender(Runnable work) {
        try {
            sender.execute(work);
        } catch (RejectedExecutionException e) {
            // shutting down: nobody to tell
        }
    }

    /** The other nodes listening now (sender thread). */
    private Set<String> peers() {
        Set<String> peers = new HashSet<>();
        try (PreparedStatement q = sendingConnection().prepareStatement(
                "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE ?")) {
            q.setString(1, NODE_NAME + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    peers.add(r.getString(1).substring(NODE_NAME.length()));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not list the other nodes: %s", e.getMessage());
            dropSending();
        }
        peers.remove(node);
        return peers;
    }

    /** One retry on a new connection; a message that still cannot go is logged (sender thread). */
    private void send(String message) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (PreparedStatement notify = sendingConnection().prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                notify.setString(1, message);
                notify.execute();
                return;
            } catch (SQLException e) {
                dropSending();
                if (attempt == 2) {
                    LOG.warnf("Could not tell the other nodes (%s): %s", message, e.getMessage());
                }
            }
        }
    }

    private Connection sendingConnection() throws SQLException {
        if (sending == null) {
            sending = DriverManager.getConnection(url, credentials);
        }
        return sending;
    }

    private void dropSending() {
        closeQuietly(sending);
        sending = null;
    }

    private void listen() {
        long backoff = 250;
        boolean listenedBefore = false;
        Properties named = new Properties();
        named.putAll(credentials);
        named.setProperty("ApplicationName", NODE_NAME + node);
        while (running) {
            try (Connection c = DriverManager.getConnection(url, named)) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                if (listenedBefore) {
                    LOG.infof("Node %s listens to the other nodes again; refreshing what may have been missed", node);
                    handlers.execute(() -> receiver.accept(new ClusterMessage(ClusterMessage.RESYNC, "")));
                }
                listenedBefore = true;
                firstListen.countDown();
                backoff = 250;
                int quiet = 0;
                while (running) {
                    PGNotification[] received = pg.getNotifications(POLL_MS);
                    if (received == null || received.length == 0) {
                        // a connection that died without a word (a dropped route) would wait forever
                        if (++quiet % CHECK_EVERY_POLLS == 0 && !c.isValid(5)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                        continue;
                    }
                    quiet = 0;
                    for (PGNotification n : received) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Node %s lost its link to the other nodes (%s); retrying in %d ms", node, e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    private void dispatch(String raw) {
        String[] parts = raw.split("\\|", 4);
        if (parts.length != 4) {
            LOG.debugf("Ignoring a malformed cluster message: %s", raw);
            return;
        }
        String from = parts[0];
        String topic = parts[1];
        String request = parts[2];
        String payload = parts[3];
        if (from.equals(node)) {
            return; // our own
        }
        if (APPLIED.equals(topic)) {
            Awaited wait = awaited.get(payload);
            if (wait != null && wait.nodes().remove(from) && wait.nodes().isEmpty()) {
                wait.done().complete(null);
            }
            return;
        }
        handlers.execute(() -> {
            try {
                receiver.accept(new ClusterMessage(topic, payload));
            } finally {
                if (!request.isEmpty()) {
                    publish(APPLIED, request);
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(sending);
        closeQuietly(listening); // ends the wait of the listener thread
        listener.interrupt();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
