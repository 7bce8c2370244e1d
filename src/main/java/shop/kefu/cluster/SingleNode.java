package shop.kefu.cluster;

import java.time.Duration;

/**
 * The embedded H2 database serves one node: its in-JVM events already reach every connection and
 * index there is, so there is nobody else to tell.
 */
final class SingleNode implements Cluster {

    @Override
    public void publish(String topic, String payload) {
        // nobody else to tell
    }

    @Override
    public void publishAndAwait(String topic, String payload, Duration max) {
        // nobody else to wait for
    }
}
