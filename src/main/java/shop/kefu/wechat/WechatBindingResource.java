package shop.kefu.wechat;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import shop.kefu.common.Refusal;
import shop.kefu.security.Roles;

/**
 * Tells Kefu which shop customer a WeChat user is, so that messages pushed by WeChat land in that
 * customer's conversation and the bot sees their orders. The shop's backend calls it when its
 * mini-program signs a user in (wx.login → code2Session → openid), docs/wechat.md.
 */
@Path("/api/admin/wechat/users/{openid}")
@RolesAllowed(Roles.ADMIN)
public class WechatBindingResource {

    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    WechatUsers users;

    public record Binding(String openid, String customerId) {
    }

    @PUT
    public Binding bind(@PathParam("openid") String openid, Binding body) {
        if (!OPENID.matcher(openid).matches()) {
            throw Refusal.invalid("invalid_openid", "An openid is 1-128 of [A-Za-z0-9_-].");
        }
        if (body == null || body.customerId() == null || !CUSTOMER.matcher(body.customerId()).matches()) {
            throw Refusal.invalid("invalid_customer", "customerId must be 1-64 of [A-Za-z0-9_.-].");
        }
        WechatUser u = users.bind(openid, body.customerId());
        return new Binding(u.openid, u.customerId);
    }
}
