package shop.kefu.wechat;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The calls of the customer-service API Kefu makes: send a message, show typing, fetch an image. A
 * call refused for its access_token (expired early, or replaced by a refresh elsewhere) refreshes it
 * once and is made again.
 */
@ApplicationScoped
class WechatApi {

    /** The token is invalid or expired: 40001 invalid credential, 40014 invalid token, 42001 expired. */
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);
    /** The user's reply window is closed (48 h after their last message). */
    static final int WINDOW_CLOSED = 45015;
    /** Over the number of messages allowed per user message. */
    static final int OVER_QUOTA = 45047;

    @Inject
    AccessTokens tokens;
    @Inject
    WechatHttp http;
    @Inject
    ObjectMapper json;

    WechatHttp.Answer sendText(String openid, String text) {
        ObjectNode body = json.createObjectNode().put("touser", openid).put("msgtype", "text");
        body.putObject("text").put("content", text);
        return post("/cgi-bin/message/custom/send", body.toString());
    }

    /** Shows "typing" to the user (the next message sent cancels it). */
    WechatHttp.Answer typing(String openid) {
        return post("/cgi-bin/message/custom/typing", json.createObjectNode().put("touser", openid).put("command", "Typing").toString());
    }

    WechatHttp.Media image(String mediaId) {
        String token = tokens.current();
        WechatHttp.Media m = http.media(token, mediaId);
        if (m.error() != null && TOKEN_REFUSED.contains(m.error().errcode())) {
            m = http.media(tokens.refresh(token), mediaId);
        }
        return m;
    }

    private WechatHttp.Answer post(String path, String body) {
        String token = tokens.current();
        WechatHttp.Answer a = http.post(path, token, body);
        if (TOKEN_REFUSED.contains(a.errcode())) {
            a = http.post(path, tokens.refresh(token), body);
        }
        return a;
    }
}
