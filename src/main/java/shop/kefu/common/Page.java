package shop.kefu.common;

import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.ws.rs.core.UriInfo;

/** A page of items and the cursor of the next page (null on the last one). */
public record Page<T>(List<T> items, String next) {

    /** The items as a JSON array, as before paging; the next page's address in a {@code Link: rel="next"} header. */
    public RestResponse<List<T>> response(UriInfo uri) {
        return withNext(RestResponse.ResponseBuilder.ok(items), uri, next).build();
    }

    public static <R> RestResponse.ResponseBuilder<R> withNext(RestResponse.ResponseBuilder<R> response, UriInfo uri, String next) {
        if (next != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("after", next).build() + ">; rel=\"next\"");
        }
        return response;
    }
}
