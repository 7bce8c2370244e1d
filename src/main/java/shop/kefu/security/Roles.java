package shop.kefu.security;

import java.util.Set;

/** The roles a token may carry (JWT "groups" claim). */
public final class Roles {
    public static final String SHOPPER = "shopper";
    public static final String AGENT = "agent";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(SHOPPER, AGENT, EDITOR, ADMIN);

    private Roles() {
    }
}
