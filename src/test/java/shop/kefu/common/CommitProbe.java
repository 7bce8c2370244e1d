package shop.kefu.common;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Fired in a transaction and observed after its commit, like the events pushed to clients (GroupCommitTest). */
public record CommitProbe() {

    @ApplicationScoped
    public static class Observer {
        private final AtomicReference<long[]> seen = new AtomicReference<>();

        /** The group commit's counts when the probe was last observed (a method: fields of a client proxy are its own). */
        long[] seen() {
            return seen.get();
        }

        void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommitProbe probe, GroupCommit commits) {
            seen.set(commits.counts());
        }
    }
}
