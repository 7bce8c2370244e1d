package shop.kefu.llm;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import shop.kefu.conversation.ConversationClosed;
import shop.kefu.conversation.ConversationState;

/**
 * A closed conversation's model memory is deleted: it holds the shopper's words, and a closed
 * conversation is never answered again (the next message opens a new one). At once when the close is
 * announced; and a periodic sweep removes the memory of any conversation closed another way, or whose
 * deletion failed. Runs whether or not LLM mode is on now, since memory may remain from when it was.
 */
@ApplicationScoped
public class MemoryCleanup {

    private static final Logger LOG = Logger.getLogger(MemoryCleanup.class);

    @Inject
    DatabaseMemoryStore memory;

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationClosed event) {
        try {
            memory.deleteMessages(event.conversationId());
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete the model memory of closed conversation %s (the sweep will): %s", event.conversationId(),
                    e.toString());
        }
    }

    @Scheduled(every = "${kefu.llm.memory-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        long gone = QuarkusTransaction.requiringNew().call(() -> LlmMemory.delete(
                "conversationId in (select c.id from Conversation c where c.state = ?1)", ConversationState.CLOSED));
        if (gone > 0) {
            LOG.infof("Deleted the model memory of %d closed conversations", gone);
        }
    }
}
