package shop.kefu.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Holds the current policy: loaded at start, reloadable; decisions always use the latest valid file. */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @ConfigProperty(name = "kefu.policy.file", defaultValue = "knowledge-base/policies.properties")
    String file;

    private volatile Policy policy;

    @PostConstruct
    void load() {
        reload();
    }

    /** Re-reads the policy file; a broken file is refused and the previous policy stays in force. */
    public Policy reload() {
        Path path = Path.of(file);
        Policy loaded;
        if (Files.exists(path)) {
            loaded = PolicyFile.load(path);
        } else {
            try (InputStream in = PolicyService.class.getClassLoader().getResourceAsStream("knowledge-base/policies.properties")) {
                if (in == null) {
                    throw new IllegalStateException("No policy file at " + path.toAbsolutePath());
                }
                loaded = PolicyFile.parse("classpath:knowledge-base/policies.properties",
                        List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        policy = loaded;
        LOG.infof("After-sales policy loaded: %s", loaded);
        return loaded;
    }

    public Policy current() {
        return policy;
    }

    public Decision decide(ClaimRequest request, OrderFacts facts) {
        return PolicyEngine.decide(policy, request, facts, OffsetDateTime.now());
    }
}
