package shop.kefu.llm;

import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

/**
 * The memory store as one turn sees it: reads the conversation's memory once (the turn is its only
 * writer, so later reads come from here), remembers what it was before the turn so a failed turn can be
 * rolled back, and after that ignores late writes from a call we gave up on.
 */
final class TurnMemory implements ChatMemoryStore {

    private final ChatMemoryStore store;
    private List<ChatMessage> before;
    private List<ChatMessage> current;
    private boolean closed;

    TurnMemory(ChatMemoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized List<ChatMessage> getMessages(Object id) {
        if (current == null) {
            before = current = List.copyOf(store.getMessages(id));
        }
        return current;
    }

    @Override
    public synchronized void updateMessages(Object id, List<ChatMessage> messages) {
        if (!closed) {
            store.updateMessages(id, messages);
            current = List.copyOf(messages);
        }
    }

    @Override
    public synchronized void deleteMessages(Object id) {
        if (!closed) {
            store.deleteMessages(id);
            current = List.of();
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
