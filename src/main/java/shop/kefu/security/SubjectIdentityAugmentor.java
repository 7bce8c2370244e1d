package shop.kefu.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every identity made from a token is named by the token's {@code sub}, whichever way the code asks for
 * the name ({@code SecurityIdentity.getPrincipal()}, {@code SecurityContext.getUserPrincipal()}, an
 * injected {@code JsonWebToken}): one rule in one place instead of a {@code getSubject()} at every call.
 */
@ApplicationScoped
public class SubjectIdentityAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token instanceof SubjectNamedToken) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).setPrincipal(new SubjectNamedToken(token)).build());
    }
}
