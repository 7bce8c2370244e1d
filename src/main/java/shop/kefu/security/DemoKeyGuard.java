package shop.kefu.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start a non-demo service that would trust the demo key pair, whose private key is public
 * in the repository. The key is recognised by its content, wherever it is configured: a copy of
 * demo-keys/publicKey.pem under another name is still refused. A demo service without the demo private
 * key (not in the jar) is refused too, with where it was looked for, rather than failing at the first
 * demo token.
 */
public class DemoKeyGuard {

    private static final Logger LOG = Logger.getLogger(DemoKeyGuard.class);

    void check(@Observes @Priority(1) StartupEvent event, DemoConfig demo,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey) {
        if (demo.enabled()) {
            // Not in the jar: found relative to the working directory, so a demo started elsewhere says so at once.
            if (signingKey.isEmpty() || read(signingKey.get()) == null) {
                throw new IllegalStateException("Demo mode signs its tokens with kefu.jwt.private-key ("
                        + signingKey.orElse("not set") + "), which is not there from the working directory "
                        + Path.of("").toAbsolutePath() + ". Start the demo from the project folder (demo-keys/ is "
                        + "in the repository, not in the jar) or set kefu.jwt.private-key.");
            }
            return;
        }
        if (inlineKey.isPresent()) {
            refuseDemoKey(inlineKey.get(), "mp.jwt.verify.publickey");
        }
        if (keyLocation.isPresent()) {
            String location = keyLocation.get();
            if (location.startsWith(ResourceUtils.HTTP_BASED_SCHEME)) {
                // A JWKS endpoint of an identity provider: fetched by SmallRye when a token arrives.
                LOG.infof("Tokens are verified with the keys at %s", location);
                return;
            }
            String content = read(location);
            if (content == null) {
                throw new IllegalStateException("No token verification key at " + location
                        + " (kefu.jwt.public-key, relative to the working directory). Demo mode is off: "
                        + "set kefu.jwt.public-key to your identity provider's public key or JWKS URL.");
            }
            refuseDemoKey(content, location);
        }
    }

    private static void refuseDemoKey(String keyMaterial, String where) {
        if (DemoKeys.publicKeysIn(keyMaterial).stream().anyMatch(DemoKeys::isDemo)) {
            throw new IllegalStateException("Demo mode is off but tokens would be verified with the demo key (" + where
                    + "), whose private key is public: anyone could sign an admin token. Set kefu.jwt.public-key "
                    + "to your own key, or enable demo mode (kefu.demo.enabled=true) for a demo on this machine.");
        }
    }

    /** The key material at a file or classpath location, as SmallRye JWT finds it; null if there is none. */
    private static String read(String location) {
        try {
            return ResourceUtils.readResource(location);
        } catch (IOException missing) {
            return null;
        }
    }
}
