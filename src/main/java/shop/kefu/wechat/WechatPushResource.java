package shop.kefu.wechat;

import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shop.kefu.common.StorableText;

/**
 * The URL of the mini-program console's message push ("消息推送"): WeChat checks it with a signed GET,
 * then POSTs every customer-service message, in plain or safe mode, as JSON or XML. No bearer token:
 * the signature (made with the shared Token) is the authentication, checked before anything is read.
 */
@Path("/wechat/push")
@PermitAll
@Singleton // Quarkus's default for resources, relied on: the cipher is made once
public class WechatPushResource {

    private static final Logger LOG = Logger.getLogger(WechatPushResource.class);
    /** WeChat's pushes are a few hundred bytes; anything much larger is not from WeChat. */
    private static final int MAX_BODY = 64 * 1024;

    @Inject
    WechatConfig config;
    @Inject
    Inbox inbox;
    @Inject
    ObjectMapper json;

    /** Safe mode's cipher, made once: its key and AppID are fixed for the life of the process. Null without a key. */
    private MessageCrypto crypto;

    @PostConstruct
    void init() {
        // only when enabled: a disabled channel's key is never checked (WechatStartupCheck), so it may be malformed
        if (config.enabled()) {
            crypto = config.encodingAesKey().map(key -> new MessageCrypto(key, config.appId().orElse(null))).orElse(null);
        }
    }

    /** The console's URL check: echo {@code echostr} when the signature is ours. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> verify(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        String token = enabledToken();
        if (token == null) {
            return RestResponse.notFound();
        }
        if (timestamp == null || nonce == null || echostr == null
                || !Signatures.matches(Signatures.sign(token, timestamp, nonce), signature)) {
            return refused("bad signature");
        }
        return RestResponse.ok(echostr);
    }

    /** A message: answered {@code success} at once once stored; handled asynchronously. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> receive(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
            @QueryParam("msg_signature") String msgSignature, String body) {
        String token = enabledToken();
        if (token == null) {
            return RestResponse.notFound();
        }
        if (timestamp == null || nonce == null || !Signatures.matches(Signatures.sign(token, timestamp, nonce), signature)) {
            return refused("bad signature");
        }
        if (body == null || body.isBlank()) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, "empty body");
        }
        if (body.length() > MAX_BODY) {
            return RestResponse.ResponseBuilder.<String> create(413).entity("body too large").build();
        }
        PushMessage message;
        try {
            Map<String, String> fields = PushFormat.read(json, body);
            String encrypted = fields.get("Encrypt");
            if ("aes".equalsIgnoreCase(encryptType) || encrypted != null) {
                if (encrypted == null || !Signatures.matches(Signatures.sign(token, timestamp, nonce, encrypted), msgSignature)) {
                    return refused("bad msg_signature");
                }
                fields = PushFormat.read(json, crypto().decrypt(encrypted));
            }
            // once, for every field, before anything stores one (the inbox row, the user, the message)
            fields.replaceAll((k, v) -> StorableText.cleaned(v));
            message = PushMessage.of(fields);
        } catch (BadPush e) {
            LOG.warnf("WeChat push refused: %s", e.getMessage());
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, e.getMessage());
        }
        inbox.receive(message);
        return RestResponse.ok("success");
    }

    private MessageCrypto crypto() {
        if (crypto == null) {
            throw new BadPush("safe mode needs kefu.wechat.encoding-aes-key");
        }
        return crypto;
    }

    private String enabledToken() {
        return config.enabled() ? config.token().orElse(null) : null;
    }

    private static RestResponse<String> refused(String why) {
        LOG.warnf("WeChat push refused: %s", why);
        return RestResponse.status(RestResponse.Status.FORBIDDEN, "invalid signature");
    }
}
