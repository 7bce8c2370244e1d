package shop.kefu.chat;

import java.util.List;

import shop.kefu.privacy.PersonalData;

/** A frame a shopper's client sends on /ws/chat. */
public sealed interface ClientFrame {

    /** Its text is masked on creation, so no later step (storage, engines, agents) can see personal data. */
    record Message(String id, String text, List<String> attachments) implements ClientFrame {
        public Message {
            text = PersonalData.mask(text);
        }
    }

    record Resume(String conversationId, long afterSeq) implements ClientFrame {
    }

    /** The comment is shown to agents: masked like a message. */
    record Rate(int score, String comment) implements ClientFrame {
        public Rate {
            comment = PersonalData.mask(comment);
        }
    }
}
