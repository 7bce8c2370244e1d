package shop.kefu.common;

import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns refusals and unreadable bodies into clear JSON errors: the one place that knows HTTP statuses. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public RestResponse<ApiError> refused(Refusal e) {
        return json(status(e.kind()), new ApiError(e.code(), e.getMessage()));
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case INSUFFICIENT_STORAGE -> 507;
        };
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unreadable(JsonProcessingException e) {
        return json(400, new ApiError("invalid_json", "The request body is not valid JSON: " + e.getOriginalMessage()));
    }

    /**
     * A body of the wrong shape ("questions" a string where a list is expected). Quarkus's own mapper for
     * this exception answers with a body of its own making, so this more specific one replaces it.
     */
    @ServerExceptionMapper
    public RestResponse<ApiError> mismatched(MismatchedInputException e) {
        String field = field(e);
        return json(400, new ApiError("invalid_json", field.isEmpty() ? "The request body has the wrong shape for this request."
                : "Field " + field + " has the wrong type."));
    }

    /**
     * Quarkus's JSON reader wraps a body that does not parse into a bare 400 without a body; say why, as
     * for every other bad input. Any other WebApplicationException keeps its own response.
     */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json).toResponse();
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unstorable(StorableTextJson.UnstorableText e) {
        String field = field(e);
        return json(400, new ApiError(StorableText.CODE, "Field " + field + " contains the character U+0000."));
    }

    /** Where in the body the problem is, as "items[2].sku"; empty for the body itself. */
    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static RestResponse<ApiError> json(int status, ApiError body) {
        return RestResponse.ResponseBuilder.<ApiError> create(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
