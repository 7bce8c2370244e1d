package shop.kefu.common;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import shop.kefu.support.FreshTransactionCache;

/**
 * A restricted test resource restarts the application after the suite's first one: its transactions must
 * still run in its own transaction manager ({@link FreshTransactionCache}), or turns fail as "unavailable"
 * in LlmModeTest and WechatPushTest now and then. Run alone it is the JVM's first application and passes
 * whatever happens: it guards the whole suite, where other applications start before it.
 */
@QuarkusTest
@QuarkusTestResource(value = TransactionsAfterRestartTest.Restart.class, restrictToAnnotatedClass = true)
class TransactionsAfterRestartTest {

    @Inject
    TransactionManager manager;

    @Test
    void quarkusTransactionUsesThisApplicationsManager() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
        });
        assertSame(manager, FreshTransactionCache.cachedManager());
    }

    /** Nothing to start: being restricted to this class is what restarts the application. */
    public static class Restart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
