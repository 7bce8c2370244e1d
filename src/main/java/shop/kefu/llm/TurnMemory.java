package shop.kefu.llm;

import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

/**
 * The memory store as one turn sees it: remembers what the conversation's memory was before the turn,
 * so a failed turn can be rolled back, and after that ignores late writes from a call we gave up on.
 */
final class TurnMemory implements ChatMemoryStore {

    private final ChatMemoryStore store;
    private List<ChatMessage> before;
    private boolean closed;

    TurnMemory(ChatMemoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized List<ChatMessage> getMessages(Object id) {
        List<ChatMessage> messages = store.getMessages(id);
        if (before == null) {
            before = messages;
        }
        return messages;
    }

    @Override
    public synchronized void updateMessages(Object id, List<ChatMessage> messages) {
        if (!closed) {
            store.updateMessages(id, messages);
        }
    }

    @Override
    public synchronized void deleteMessages(Object id) {
        if (!closed) {
            store.deleteMessages(id);
        }
    }

    /** Puts the memory back as it was before the turn and ignores every later write. */
    synchronized void rollback(Object id) {
        closed = true;
        if (before != null) {
            store.updateMessages(id, before);
        }
    }
}
