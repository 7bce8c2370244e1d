package shop.kefu.security;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token whose name is its {@code sub}. MicroProfile JWT names a token by {@code upn}, then
 * {@code preferred_username}, then {@code sub}; those first two are display names an identity provider
 * may let users choose or reuse, while {@code sub} is the stable id that customer and staff records are
 * keyed on.
 */
final class SubjectNamedToken implements JsonWebToken {

    private final JsonWebToken token;

    SubjectNamedToken(JsonWebToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return token.getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }

    @Override
    public String getRawToken() {
        return token.getRawToken();
    }

    @Override
    public String getIssuer() {
        return token.getIssuer();
    }

    @Override
    public Set<String> getAudience() {
        return token.getAudience();
    }

    @Override
    public String getSubject() {
        return token.getSubject();
    }

    @Override
    public String getTokenID() {
        return token.getTokenID();
    }

    @Override
    public long getExpirationTime() {
        return token.getExpirationTime();
    }

    @Override
    public long getIssuedAtTime() {
        return token.getIssuedAtTime();
    }

    @Override
    public Set<String> getGroups() {
        return token.getGroups();
    }

    @Override
    public String toString() {
        return "token of " + getName();
    }
}
