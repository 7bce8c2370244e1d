package shop.kefu.support;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Forgets the transaction manager that {@code QuarkusTransaction} caches in a static field, first thing
 * when a test application starts (its application context, before any StartupEvent).
 *
 * <p>A test class with a restricted test resource (LlmModeTest, WechatPushTest) restarts the application
 * in the same base class loader, where that static field lives and is never reset. The new application's
 * {@code QuarkusTransaction} calls then begin transactions in the stopped application's manager, whose
 * {@code @Initialized(TransactionScoped.class)} event goes to the stopped application's observers
 * ({@code GroupCommit#onBegin}). The cache is stale after every restart (TransactionsAfterRestartTest shows
 * it), but it broke turns only now and then: a ClassCastException between the two applications'
 * GroupCommit classes in WechatPushTest here, and, most likely from the same cause, every turn answered
 * "service unavailable" in LlmModeTest in one CI run. The same class of bug as quarkusio/quarkus#56935. A service runs one application per
 * process, so this is for tests only.
 */
@ApplicationScoped
public class FreshTransactionCache {

    static final String HOLDER = "io.quarkus.narayana.jta.QuarkusTransactionImpl";

    /**
     * On the application context's start, before any StartupEvent observer: the scheduler starts at
     * StartupEvent priority 0 and its jobs (queue metrics, presence sweep, service levels) use
     * QuarkusTransaction from their first tick.
     */
    void forget(@Observes @Initialized(ApplicationScoped.class) Object start) {
        for (String name : new String[] { "cachedTransactionManager", "cachedUserTransaction" }) {
            try {
                Field cached = Class.forName(HOLDER).getDeclaredField(name);
                cached.setAccessible(true);
                cached.set(null, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("FreshTransactionCache: " + HOLDER + "." + name + " is gone after a Quarkus upgrade;"
                        + " check whether quarkusio/quarkus#56935's class of bug is fixed for QuarkusTransaction and drop this bean", e);
            }
        }
    }

    /** The transaction manager {@code QuarkusTransaction} uses now (null until its first call). */
    public static Object cachedManager() throws ReflectiveOperationException {
        Field cached = Class.forName(HOLDER).getDeclaredField("cachedTransactionManager");
        cached.setAccessible(true);
        return cached.get(null);
    }
}
