package shop.kefu.security;

import java.util.Set;

/** The roles a token may carry (JWT "groups" claim). */
public final class Roles {
    public static final String SHOPPER = "shopper";
    public static final String AGENT = "agent";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    /**
     * An agent who may also decide reviews (approve a case under review, never their own). A supervisor's
     * token carries both groups, agent and supervisor, so everything an agent may do stays theirs.
     */
    public static final String SUPERVISOR = "supervisor";

    public static final Set<String> ALL = Set.of(SHOPPER, AGENT, EDITOR, ADMIN, SUPERVISOR);

    private Roles() {
    }
}
