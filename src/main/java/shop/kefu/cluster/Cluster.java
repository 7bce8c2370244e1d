package shop.kefu.cluster;

import java.time.Duration;

/**
 * Tells the other service nodes that share this database that something changed, so that they push it
 * to their own connections or reload it. A message names what changed (ids only); a receiving node
 * reads the change itself from the database, so a message carries no data that could be stale: one
 * repeated doubles nothing, and one lost delays a push (to the conversation's next event, or the
 * client's next resume) but loses no data. Receiving nodes see it as a {@link ClusterMessage} event;
 * the node that publishes never receives its own.
 */
public interface Cluster {

    /** Largest payload: PostgreSQL refuses a NOTIFY of 8000 bytes or more (channel, node and topic included). */
    int MAX_PAYLOAD = 7000;

    /** Tells every other node, without waiting on the network. */
    void publish(String topic, String payload);

    /**
     * Publishes and returns once every other node has handled the message (applied the change), or after
     * {@code max}, naming the nodes that did not confirm in the log: for a change staff expect on every
     * node by the next message, the response to their request comes after it.
     */
    void publishAndAwait(String topic, String payload, Duration max);
}
