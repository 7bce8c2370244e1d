package shop.kefu.cluster;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Chooses the fan-out by the datasource kind: PostgreSQL can be shared by several nodes, so they talk
 * through its LISTEN/NOTIFY; the embedded H2 database has one node, which needs nobody.
 * {@code kefu.cluster.fan-out=local} keeps a PostgreSQL node to itself (one node, or a benchmark's baseline).
 */
@ApplicationScoped
public class Clusters {

    private static final Logger LOG = Logger.getLogger(Clusters.class);

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String kind;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "kefu.cluster.fan-out", defaultValue = "auto")
    String fanOut;

    @Produces
    @Singleton
    Cluster cluster(Event<ClusterMessage> messages) {
        if (!DatabaseKind.isPostgreSQL(kind) || "local".equals(fanOut)) {
            return new SingleNode();
        }
        // receivers read the database and may rebuild an index: on worker threads, never the listener's own
        PgNotifyCluster cluster = new PgNotifyCluster(url, user.orElse(null), password.orElse(null), m -> {
            try {
                messages.fire(m);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Handling the cluster message %s failed", m.topic());
            }
        }, Infrastructure.getDefaultWorkerPool());
        cluster.start();
        LOG.infof("Node %s: live pushes and reloads reach the other nodes through PostgreSQL LISTEN/NOTIFY", cluster.node());
        return cluster;
    }

    void close(@Disposes Cluster cluster) throws Exception {
        if (cluster instanceof AutoCloseable c) {
            c.close();
        }
    }

    /** Listens from the start, not from the first publish: a node that has not changed anything still hears the others. */
    void start(@Observes StartupEvent event, Cluster cluster) {
        // injecting it creates it
    }
}
