package shop.kefu.chat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.conversation.Accepted;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.ClientMessage;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.RatingMetrics;
import shop.kefu.conversation.TypedScore;

/**
 * A score typed as a message ("4", "５分") right after an agent resolved the conversation and asked for
 * a rating: clients without rating buttons (WeChat's own chat window), and shoppers who answer the
 * question as asked, send it as text. Without this the digit would open a new conversation as a
 * question the bot cannot answer, and land in the human queue. The pattern is a high-precision
 * shortcut: a bare score and nothing else.
 */
@ApplicationScoped
public class TypedRating {

    /**
     * How long after the resolution a bare score still answers the rating question. On the chat page a
     * new connection opens a new conversation, so a later "5" is never taken for a rating; WeChat has no
     * connection, and its window for replying to a user is 48 hours: a score days later answers
     * something else (a follow-up, a question), not the old prompt.
     */
    static final Duration ANSWERED_WITHIN = Duration.ofHours(48);

    @Inject
    Conversations conversations;
    @Inject
    ChatService chat;
    @Inject
    RatingMetrics ratings;

    /**
     * Stores the message as the rating of the shopper's latest conversation when it is a bare score and
     * that conversation was resolved by an agent and is not rated yet (nothing has happened since: a new
     * message or connection would have opened a new conversation). The client id is remembered, so a
     * resend is acknowledged with the same seq. Empty when the message is an ordinary one.
     */
    public Optional<Accepted> rate(String customerId, ClientFrame.Message message) {
        Integer score = score(message);
        if (score == null) {
            return Optional.empty();
        }
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            if (ClientMessage.lookup(customerId, message.id()) != null) {
                return null; // a resend: the usual path acknowledges it with its seq
            }
            Conversation latest = Conversation.<Conversation> find("customerId = ?1 order by createdAt desc", customerId).firstResult();
            if (latest == null || latest.resolvedAt == null || !latest.rateable()
                    || latest.resolvedAt.isBefore(OffsetDateTime.now().minus(ANSWERED_WITHIN))) {
                return null;
            }
            Conversation c = conversations.lock(latest.id);
            if (!c.rateable()) {
                return null; // rated through a rate frame meanwhile
            }
            ChatEvent rating = chat.storeRating(c, score, null);
            ClientMessage record = new ClientMessage();
            record.customerId = customerId;
            record.clientId = message.id();
            record.conversationId = c.id;
            record.seq = rating.seq;
            record.answered = true;
            record.persist();
            return new Stored(new Accepted(message.id(), c.id, rating.seq, false, false, c.state, null, message.text(), List.of()),
                    c.agentId != null);
        });
        if (stored == null) {
            return Optional.empty();
        }
        ratings.rated(score, stored.byAgent());
        return Optional.of(stored.accepted());
    }

    private record Stored(Accepted accepted, boolean byAgent) {
    }

    static Integer score(ClientFrame.Message message) {
        if (!message.attachments().isEmpty()) {
            return null;
        }
        return TypedScore.of(message.text()).filter(TypedScore::bare).map(TypedScore::score).orElse(null);
    }
}
