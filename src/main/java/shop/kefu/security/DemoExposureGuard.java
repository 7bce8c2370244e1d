package shop.kefu.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

/**
 * Demo mode hands admin tokens to whoever asks, so it must not be reachable from the network by
 * accident (KEFU_DEMO_ENABLED=true left in a production environment): it starts only on a loopback
 * HTTP host, unless kefu.demo.allow-remote says otherwise, which is logged as a warning.
 */
public class DemoExposureGuard {

    private static final Logger LOG = Logger.getLogger(DemoExposureGuard.class);

    void check(@Observes @Priority(1) StartupEvent event, DemoConfig demo,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        if (!demo.enabled()) {
            return;
        }
        if (isLoopback(host)) {
            LOG.infof("Demo mode is on: POST /api/demo/token issues tokens of every role to callers on this machine (%s)", host);
            return;
        }
        if (!demo.allowRemote()) {
            throw new IllegalStateException("Demo mode is on (kefu.demo.enabled=true) and the service listens on " + host
                    + ", not on loopback: anyone who can reach it could take admin tokens from POST /api/demo/token. "
                    + "Turn demo mode off in production, bind a demo to 127.0.0.1 (quarkus.http.host), or set "
                    + "kefu.demo.allow-remote=true for a demo on a private network.");
        }
        LOG.warnf("""

                ************************************************************************************
                *  DEMO MODE IS REACHABLE FROM THE NETWORK (kefu.demo.allow-remote=true, host %s)
                *  Anyone who can reach this service can take ADMIN tokens from POST /api/demo/token.
                *  Never run this configuration in production.
                ************************************************************************************""", host);
    }

    /** True if every address the host name stands for is a loopback address. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
