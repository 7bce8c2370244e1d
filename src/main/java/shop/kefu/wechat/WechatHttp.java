package shop.kefu.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The WeChat API's HTTP calls, as they are on the wire; who retries what is {@link WechatApi}'s business. */
@ApplicationScoped
class WechatHttp {

    /** WeChat's "system busy", also used here for a call that did not reach WeChat: try again later. */
    static final int BUSY = -1;

    @Inject
    WechatConfig config;
    @Inject
    ObjectMapper json;
    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.apiTimeout()).build();
    }

    record Fetched(String accessToken, long expiresInSeconds) {
    }

    /** WeChat's answer to a call: {@code errcode} 0 is success. */
    record Answer(int errcode, String errmsg) {
        boolean ok() {
            return errcode == 0;
        }
    }

    /** An image, or the error WeChat answered instead. */
    record Media(byte[] bytes, Answer error) {
    }

    Fetched fetchToken() {
        String url = config.apiBaseUrl() + "/cgi-bin/token?grant_type=client_credential&appid=" + enc(config.appId().orElse(""))
                + "&secret=" + enc(config.appSecret().orElse(""));
        try {
            HttpResponse<String> r = client.send(get(url), HttpResponse.BodyHandlers.ofString());
            JsonNode n = json.readTree(r.body());
            if (!n.hasNonNull("access_token")) {
                throw new IllegalStateException("WeChat gave no access_token: " + n.path("errcode").asInt() + " " + n.path("errmsg").asText());
            }
            return new Fetched(n.get("access_token").asText(), n.path("expires_in").asLong(7200));
        } catch (IOException e) {
            throw new IllegalStateException("WeChat's token API is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + path + "?access_token=" + enc(token)))
                .timeout(config.apiTimeout()).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return new Answer(BUSY, "HTTP " + r.statusCode());
            }
            return answer(r.body());
        } catch (IOException e) {
            return new Answer(BUSY, "unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(BUSY, "interrupted");
        }
    }

    Media media(String token, String mediaId) {
        String url = config.apiBaseUrl() + "/cgi-bin/media/get?access_token=" + enc(token) + "&media_id=" + enc(mediaId);
        try {
            HttpResponse<byte[]> r = client.send(get(url), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200) {
                return new Media(null, new Answer(BUSY, "HTTP " + r.statusCode()));
            }
            if (type.contains("json") || type.startsWith("text/")) { // WeChat answers an error as JSON
                return new Media(null, answer(new String(r.body(), StandardCharsets.UTF_8)));
            }
            return new Media(r.body(), null);
        } catch (IOException e) {
            return new Media(null, new Answer(BUSY, "unreachable: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Media(null, new Answer(BUSY, "interrupted"));
        }
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(config.apiTimeout()).GET().build();
    }

    private Answer answer(String body) {
        try {
            JsonNode n = json.readTree(body);
            return new Answer(n.path("errcode").asInt(0), n.path("errmsg").asText(""));
        } catch (IOException e) {
            return new Answer(BUSY, "unreadable answer");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
