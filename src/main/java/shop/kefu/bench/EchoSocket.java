package shop.kefu.bench;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A plain WebSocket echo on the same server, the transport baseline the chat load benchmark compares
 * bot turns with. It only exists with {@code kefu.bench.echo=true} (the benchmark script sets it);
 * otherwise the upgrade is refused with 404. Dispatched like the chat socket (a worker thread).
 */
@WebSocket(path = "/ws/echo", endpointId = EchoSocket.ID)
public class EchoSocket {

    static final String ID = "echo";

    @OnTextMessage
    String echo(String frame) {
        return frame;
    }

    @ApplicationScoped
    public static class OnlyWhenBenchmarking implements HttpUpgradeCheck {

        @Inject
        BenchConfig config;

        @Override
        public boolean appliesTo(String endpointId) {
            return ID.equals(endpointId);
        }

        @Override
        public Uni<CheckResult> perform(HttpUpgradeContext context) {
            return config.echo() ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(404);
        }
    }
}
