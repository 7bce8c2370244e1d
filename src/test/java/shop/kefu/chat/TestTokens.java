package shop.kefu.chat;

import java.time.Instant;

import io.smallrye.jwt.build.Jwt;

/** Tokens the demo endpoint never issues, signed with the demo key (test profile). */
final class TestTokens {
    private TestTokens() {
    }

    static String expiredShopper(String customerId) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.subject(customerId).upn(customerId).groups("shopper").issuedAt(past).expiresAt(past.plusSeconds(60)).sign();
    }
}
