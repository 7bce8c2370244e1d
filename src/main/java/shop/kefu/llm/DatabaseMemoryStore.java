package shop.kefu.llm;

import java.time.OffsetDateTime;
import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chat memory in the database, so a conversation keeps its context across restarts and nodes. The
 * window (how many messages) is applied by {@code MessageWindowChatMemory}; this only stores.
 */
@ApplicationScoped
public class DatabaseMemoryStore implements ChatMemoryStore {

    @Override
    public List<ChatMessage> getMessages(Object conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> LlmMemory.<LlmMemory> findByIdOptional(conversationId.toString())
                .map(m -> ChatMessageDeserializer.messagesFromJson(m.messages)).orElseGet(List::of));
    }

    @Override
    public void updateMessages(Object conversationId, List<ChatMessage> messages) {
        QuarkusTransaction.requiringNew().run(() -> {
            LlmMemory m = LlmMemory.findById(conversationId.toString());
            if (m == null) {
                m = new LlmMemory();
                m.conversationId = conversationId.toString();
            }
            m.messages = ChatMessageSerializer.messagesToJson(messages);
            m.updatedAt = OffsetDateTime.now();
            m.persist();
        });
    }

    @Override
    public void deleteMessages(Object conversationId) {
        QuarkusTransaction.requiringNew().run(() -> LlmMemory.deleteById(conversationId.toString()));
    }
}
