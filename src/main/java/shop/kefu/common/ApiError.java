package shop.kefu.common;

/** The JSON body of every 4xx/5xx the REST API produces itself. */
public record ApiError(String error, String message) {
}
