package shop.kefu.common;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

/** REST paths and query parameters (ids, cursors, search text) carrying U+0000 are refused ({@link StorableText}). */
public class StorableTextFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseUnstorable(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean storable = StorableText.storable(uri.getPath())
                && uri.getQueryParameters().entrySet().stream().allMatch(
                        p -> StorableText.storable(p.getKey()) && p.getValue().stream().allMatch(StorableText::storable));
        if (!storable) {
            throw Refusal.invalid(StorableText.CODE, "The path or a query parameter contains the character U+0000.");
        }
    }
}
