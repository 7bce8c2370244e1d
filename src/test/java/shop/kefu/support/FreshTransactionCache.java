package shop.kefu.support;

import java.lang.reflect.Field;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Forgets the transaction manager that {@code QuarkusTransaction} caches in a static field, first thing
 * when a test application starts.
 *
 * <p>A test class with a restricted test resource (LlmModeTest, WechatPushTest) restarts the application
 * in the same base class loader, where that static field lives and is never reset. The new application's
 * {@code QuarkusTransaction} calls then begin transactions in the stopped application's manager, whose
 * {@code @Initialized(TransactionScoped.class)} event reaches the stopped application's observers
 * ({@code GroupCommit}): a ClassCastException, or a wait on another test's database file, seen by the
 * shopper as "service unavailable". Which application filled the cache first depends on timing, so it
 * failed now and then (the same class of bug as quarkusio/quarkus#56935). A service runs one application
 * per process, so this is for tests only.
 */
@ApplicationScoped
public class FreshTransactionCache {

    static final String HOLDER = "io.quarkus.narayana.jta.QuarkusTransactionImpl";

    void forget(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) throws ReflectiveOperationException {
        Class<?> holder = Class.forName(HOLDER);
        for (String name : new String[] { "cachedTransactionManager", "cachedUserTransaction" }) {
            Field cached = holder.getDeclaredField(name);
            cached.setAccessible(true);
            cached.set(null, null);
        }
    }

    /** The transaction manager {@code QuarkusTransaction} uses now (null until its first call). */
    public static Object cachedManager() throws ReflectiveOperationException {
        Field cached = Class.forName(HOLDER).getDeclaredField("cachedTransactionManager");
        cached.setAccessible(true);
        return cached.get(null);
    }
}
