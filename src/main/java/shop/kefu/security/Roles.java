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

    /** Reads the service report (GET /api/reports/service), nothing else: no conversations, no settings. */
    public static final String MANAGER = "manager";

    /** The shop's order system: sends delivery and after-sales events (POST /api/events), nothing else. */
    public static final String ORDER_SYSTEM = "order_system";

    public static final Set<String> ALL = Set.of(SHOPPER, AGENT, EDITOR, ADMIN, SUPERVISOR, MANAGER, ORDER_SYSTEM);

    private Roles() {
    }
}
