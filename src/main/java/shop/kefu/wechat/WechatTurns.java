package shop.kefu.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.Attachments;
import shop.kefu.chat.ChatConfig;
import shop.kefu.chat.ChatService;
import shop.kefu.chat.ClientFrame;
import shop.kefu.chat.TypedRating;
import shop.kefu.common.StorableText;
import shop.kefu.conversation.Accepted;

/**
 * What a push means for the conversation: a WeChat user's message becomes a shopper message of the
 * one chat path ({@link ChatService#take}), so it enters the same event log, bot, queue and agent
 * console as a message from the app, or, a bare score right after an agent's resolution, the rating
 * ({@link TypedRating}, as on /ws/chat); an entry into the chat opens the conversation and its greeting.
 */
@ApplicationScoped
class WechatTurns {

    private static final Logger LOG = Logger.getLogger(WechatTurns.class);

    @Inject
    WechatConfig config;
    @Inject
    ChatConfig chatConfig;
    @Inject
    WechatUsers users;
    @Inject
    ChatService chat;
    @Inject
    TypedRating typedRating;
    @Inject
    Deliveries deliveries;
    @Inject
    WechatApi api;
    @Inject
    Attachments attachments;
    @Inject
    Typing typing;

    /** An image WeChat would not give us (yet): the push is retried by the sweep. */
    static final class MediaUnavailable extends RuntimeException {
        MediaUnavailable(String message) {
            super(message);
        }
    }

    /** Handles one push; {@code attempt} counts from 1, and a last attempt passes an image on without the picture. */
    void handle(PushMessage m, int attempt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(m.createTime()), ZoneOffset.UTC);
        if (m.isEvent()) {
            if ("user_enter_tempsession".equals(m.event())) {
                WechatUser user = users.wrote(m.fromUser(), at, m.sessionFrom());
                ChatService.Opened opened = chat.open(user.customerId);
                // a new conversation's greeting (seq 1) is sent; an open one's history is not sent again
                deliveries.follow(opened.conversationId(), m.fromUser(), opened.lastSeq() == 1 ? 0 : opened.lastSeq());
                deliveries.deliver(opened.conversationId());
            } else {
                LOG.debugf("WeChat event %s ignored", m.event());
            }
            return;
        }
        WechatUser user = users.wrote(m.fromUser(), at, null);
        List<String> images = "image".equals(m.msgType()) ? image(user.customerId, m, attempt) : List.of();
        String text = text(m, images);
        // the client id makes a push handled twice (the sweep after a restart) one message, answered once
        String clientId = "wx-" + m.dedupeKey();
        // a score typed after an agent resolved the conversation is its rating, as on /ws/chat
        Accepted accepted = typedRating.rate(user.customerId, new ClientFrame.Message(clientId, text, images)).orElseGet(() -> {
            // "2" answers the quick replies last sent in the conversation the message goes to
            String said = ReplyText.choice(text, offered(user.customerId));
            return chat.take(user.customerId, new ClientFrame.Message(clientId, said, images), a -> {
                deliveries.follow(a.conversationId(), m.fromUser(), a.seq());
                typing.show(m.fromUser());
            });
        });
        deliveries.follow(accepted.conversationId(), m.fromUser(), accepted.seq());
        deliveries.deliver(accepted.conversationId()); // replies queued while the window was closed, then the answer
    }

    /**
     * The message as the shopper's text: what it says, or what it is, cut to the longest a shopper may
     * write. The push's fields were made storable as it arrived ({@link WechatPushResource}).
     */
    private String text(PushMessage m, List<String> images) {
        String text = switch (m.msgType()) {
            case "text" -> m.content();
            case "image" -> images.isEmpty() ? "[图片（未能获取）]" : "[图片]";
            case "miniprogrampage" -> orderCard(m);
            default -> "[暂不支持的消息类型：" + m.msgType() + "]";
        };
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            return "[空消息]";
        }
        int max = chatConfig.maxTextLength();
        return text.length() > max ? text.substring(0, max) : text;
    }

    /**
     * What a "2" answers: the quick replies last sent in the shopper's open conversation, the one the
     * message goes to; none when no conversation is open. Read without opening one (storing the message
     * does that) and without {@link ChatService#open}'s count of the shopper's messages, on every message.
     */
    private List<String> offered(String customerId) {
        WechatConversation open = QuarkusTransaction.requiringNew().call(() -> WechatConversation.getEntityManager().createQuery(
                "select w from WechatConversation w, Conversation c where c.id = w.conversationId and c.activeKey = ?1",
                WechatConversation.class).setParameter(1, customerId).getResultStream().findFirst().orElse(null));
        return deliveries.offered(open);
    }

    private List<String> image(String customerId, PushMessage m, int attempt) {
        if (m.mediaId() == null || m.mediaId().isBlank()) {
            return List.of();
        }
        WechatHttp.Media media = api.image(m.mediaId());
        if (media.bytes() == null) {
            if (attempt < config.maxAttempts()) {
                throw new MediaUnavailable("WeChat media " + media.error().errcode() + " " + media.error().errmsg());
            }
            LOG.warnf("WeChat image %s could not be fetched after %d tries; passed on without it", m.mediaId(), attempt);
            return List.of();
        }
        Path file = null;
        try {
            file = Files.createTempFile("wechat-media", ".img");
            Files.write(file, media.bytes());
            return List.of(attachments.store(customerId, file, "wechat-image").id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // not an image, too large, over quota: the shopper's message still counts, without the picture
            LOG.warnf("WeChat image %s not stored: %s", m.mediaId(), e.getMessage());
            return List.of();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debugf("temp file %s not deleted", file);
                }
            }
        }
    }

    /** A mini-program page card: its title, and the order its page path names, for the bot and agents. */
    private String orderCard(PushMessage m) {
        String order = queryParameter(m.pagePath(), config.orderParameter());
        String title = m.title() == null ? "" : m.title().strip();
        return order == null ? "[小程序卡片] " + title : "订单 " + order + " " + title;
    }

    static String queryParameter(String pagePath, String name) {
        if (pagePath == null || !pagePath.contains("?")) {
            return null;
        }
        for (String pair : pagePath.substring(pagePath.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                // decoding can make what the push's cleaning removed: "%00" is U+0000
                return v.isEmpty() || v.length() > 64 || !StorableText.storable(v) ? null : v;
            }
        }
        return null;
    }
}
