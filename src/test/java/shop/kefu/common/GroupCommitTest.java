package shop.kefu.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import shop.kefu.support.ChatClient;
import shop.kefu.support.H2Only;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** The embedded file database, as the service runs by default (the other tests use H2 in memory). */
@QuarkusTest
@TestProfile(GroupCommitTest.FileDatabase.class)
@H2Only("GroupCommit writes H2's database file; on PostgreSQL it stays inactive and the database does its own group commit")
class GroupCommitTest {

    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:./target/group-commit-" + UUID.randomUUID() + "/kefu;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @Inject
    GroupCommit commits;
    @Inject
    Event<CommitProbe> probes;
    @Inject
    CommitProbe.Observer observer;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aCommitIsInTheFileBeforeItsAfterCommitObserversRun() {
        assertTrue(commits.active());
        long before = commits.counts()[0];
        QuarkusTransaction.requiringNew().run(() -> probes.fire(new CommitProbe()));
        long[] atObserver = observer.seen();
        assertTrue(atObserver[0] > before, "the transaction asked for a file write before its observers ran");
        assertEquals(atObserver[0], atObserver[1], "and the write had covered it");
    }

    @Test
    void aChatTurnIsWrittenBeforeItIsAcknowledgedAndAnswered() {
        long before = commits.counts()[1];
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("GC")))) {
            c.next("reply");
            c.message("gc-1", "草莓怎么保存");
            c.next("ack");
            assertTrue(c.next("reply").get("citations").size() > 0);
        }
        assertTrue(commits.counts()[1] >= before + 3, "the greeting, the message and the reply were each covered by a write");
    }
}
