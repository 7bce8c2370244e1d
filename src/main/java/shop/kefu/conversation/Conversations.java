package shop.kefu.conversation;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import shop.kefu.common.Exceptions;
import shop.kefu.dialog.Replies;

/** Finds, opens and locks conversations. */
@ApplicationScoped
public class Conversations {

    @Inject
    EventLog log;
    @Inject
    Replies replies;

    /** The shopper's open conversation, opened (with a greeting) if there is none. Locked for update. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Conversation activeFor(String customerId) {
        Optional<Conversation> open = Conversation.<Conversation>find("activeKey", customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (open.isPresent()) {
            return open.get();
        }
        Conversation c = Conversation.openFor(customerId, UUID.randomUUID().toString(), OffsetDateTime.now());
        // Flushed at once so that a concurrent opener fails on the unique active_key
        // (and retries into the existing conversation) instead of opening a second one.
        c.persistAndFlush();
        String greeting = replies.text("greeting");
        log.append(c, ServerEvent.Reply.of("bot", greeting, 1.0, replies.list("greeting.quick")), "bot", greeting);
        return c;
    }

    /** Locks a conversation row for update; all appends to one conversation go through this lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Conversation lock(String id) {
        return Conversation.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The conversation if it belongs to this shopper; otherwise empty, exactly as if it did not exist. */
    @Transactional
    public Optional<Conversation> ownedBy(String id, String customerId) {
        if (id == null) {
            return Optional.empty();
        }
        return Conversation.<Conversation>findByIdOptional(id).filter(c -> c.customerId.equals(customerId));
    }

    /**
     * Two first messages of one shopper racing to open a conversation, or one message id sent twice at
     * once: the loser retries into the winner's conversation, or finds its id already stored.
     */
    public static <T> T retryOnConflict(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Exceptions.constraintViolation(e)) {
                return work.get();
            }
            throw e;
        }
    }
}
