package shop.kefu.eval;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * {@link ChatEvalTest} replaces the whole knowledge base through the editors' API half-way through its
 * run. Its own in-memory database (and, being a separate profile, its own application start) keeps
 * that switch, and the thousand-odd shoppers and orders it creates, away from every other test.
 */
public class ChatEvalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:kefu-eval;DB_CLOSE_DELAY=-1");
    }
}
