package shop.kefu.chat;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A plain WebSocket echo on the same server, the transport baseline the chat load benchmark compares
 * bot turns with. It only exists with {@code kefu.bench.echo=true} (the benchmark script sets it);
 * otherwise the upgrade is refused with 404. Dispatched like {@link ChatSocket} (a worker thread).
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

        @ConfigProperty(name = "kefu.bench.echo", defaultValue = "false")
        boolean enabled;

        @Override
        public boolean appliesTo(String endpointId) {
            return ID.equals(endpointId);
        }

        @Override
        public Uni<CheckResult> perform(HttpUpgradeContext context) {
            return enabled ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(404);
        }
    }
}
