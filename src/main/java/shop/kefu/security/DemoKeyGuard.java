package shop.kefu.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start a non-demo service that would trust the demo key pair shipped in the jar. */
public class DemoKeyGuard {

    static final String DEMO_PUBLIC_KEY = "demo-keys/publicKey.pem";

    void check(@Observes StartupEvent event, DemoConfig demo,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKey) {
        if (!demo.enabled() && publicKey.endsWith(DEMO_PUBLIC_KEY)) {
            throw new IllegalStateException("Demo mode is off but tokens would be verified with the public demo key. "
                    + "Set kefu.jwt.public-key (or mp.jwt.verify.publickey.location) to your own key, "
                    + "or enable demo mode with kefu.demo.enabled=true for a demo.");
        }
    }
}
