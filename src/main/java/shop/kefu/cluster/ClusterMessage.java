package shop.kefu.cluster;

/**
 * What another node published ({@link Cluster#publish}), fired on this node on a worker thread.
 * {@link #RESYNC} is fired by this node itself after its link to the others was lost and restored:
 * messages of that gap may be missing, so every receiver refreshes what it keeps from the database.
 */
public record ClusterMessage(String topic, String payload) {

    public static final String RESYNC = "resync";

    public boolean is(String t) {
        return topic.equals(t) || topic.equals(RESYNC);
    }
}
