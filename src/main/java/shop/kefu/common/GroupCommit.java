package shop.kefu.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Group commit for the embedded H2 file database. Nothing acknowledged may be lost to a killed process,
 * so a commit must reach the database file before anything that depends on it leaves the service. H2
 * can write the file at every commit ({@code WRITE_DELAY=0}), but then every commit writes its own chunk
 * under one store lock, and under load turns queue behind that lock (docs/benchmarks.md). Here H2 commits
 * in memory (its own background write, every 500 ms, stays) and each committed transaction waits for the
 * next file write, which covers every commit made before it started: one write for all who are waiting.
 *
 * <p>JTA transactions wait in a synchronization registered when they begin, which runs before the
 * after-commit observers that push events to clients and before a REST response is written; the JDBC
 * turn path calls {@link #awaitDurable} itself. PostgreSQL, H2 in memory and H2 servers are left alone
 * ({@link #active()} is false).
 */
@ApplicationScoped
public class GroupCommit {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @Inject
    TransactionSynchronizationRegistry registry;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private long requested;
    private long durable;
    private boolean writing;
    private Connection connection;
    private PreparedStatement checkpoint;

    public boolean active() {
        return url.startsWith("jdbc:h2:file:");
    }

    /** Returns once every transaction committed before this call is in the database file. */
    public void awaitDurable() {
        if (!active()) {
            return;
        }
        lock.lock();
        try {
            long ticket = ++requested;
            while (durable < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long upTo = requested;
                lock.unlock();
                boolean ok = false;
                try {
                    write();
                    ok = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (ok) {
                        durable = upTo;
                    }
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many waits have been asked for and how many are covered by a file write (for tests). */
    long[] counts() {
        lock.lock();
        try {
            return new long[] { requested, durable };
        } finally {
            lock.unlock();
        }
    }

    /** Only one thread writes at a time (see awaitDurable), on a connection of its own. */
    private void write() {
        try {
            if (connection == null || connection.isClosed()) {
                Properties login = new Properties();
                login.setProperty("user", user.orElse(""));
                login.setProperty("password", password.orElse(""));
                connection = new org.h2.Driver().connect(url, login); // the driver itself: no class-loader lookup
                checkpoint = connection.prepareStatement("CHECKPOINT");
            }
            checkpoint.execute(); // H2: store everything committed to the file now
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close(); // a new one next time: this one may be broken
                } catch (SQLException ignored) {
                    // already broken: nothing left to release
                }
                connection = null;
            }
            throw new IllegalStateException("Writing the database file failed", e);
        }
    }

    /** Interposed and registered first, so it runs before the after-commit observers (GroupCommitTest checks). */
    void onBegin(@Observes @Initialized(TransactionScoped.class) Object event) {
        if (active()) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        awaitDurable();
                    }
                }
            });
        }
    }

    void onStop(@Observes ShutdownEvent event) throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
