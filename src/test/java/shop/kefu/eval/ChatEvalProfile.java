package shop.kefu.eval;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import shop.kefu.support.TestDatabase;

/**
 * {@link ChatEvalTest} replaces the whole knowledge base through the editors' API half-way through its
 * run. Its own in-memory database (and, being a separate profile, its own application start) keeps
 * that switch, and the thousand-odd shoppers and orders it creates, away from every other test.
 */
public class ChatEvalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestDatabase.own("eval", Map.of());
    }
}
