package shop.kefu.chat;

import java.util.List;

/** A frame a shopper's client sends on /ws/chat. */
public sealed interface ClientFrame {

    record Message(String id, String text, List<String> attachments) implements ClientFrame {
    }

    record Resume(String conversationId, long afterSeq) implements ClientFrame {
    }

    record Rate(int score, String comment) implements ClientFrame {
    }
}
