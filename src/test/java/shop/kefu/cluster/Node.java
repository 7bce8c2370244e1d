package shop.kefu.cluster;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.restassured.specification.RequestSpecification;

/**
 * One service node for a multi-node test: the packaged jar (target/quarkus-app, built for PostgreSQL)
 * in a process of its own, on a free port, with its own data folder and the datasource of this run
 * (the {@code QUARKUS_DATASOURCE_*} variables of .ci/with-postgres, inherited). Its log goes to
 * target/nodes/NAME.log.
 */
final class Node implements AutoCloseable {

    final String name;
    final URI http;
    private final Process process;

    private Node(String name, URI http, Process process) {
        this.name = name;
        this.http = http;
        this.process = process;
    }

    /** Starts a node in demo mode (tokens from any node work on all: one key pair) and waits until it is ready. */
    static Node start(String name, Path shared, String... options) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path logs = Files.createDirectories(Path.of("target/nodes"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx1g",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dkefu.demo.enabled=true",
                "-Dkefu.data.dir=" + Files.createDirectories(shared.resolve("data-" + name)),
                "-Dkefu.kb.dir=" + shared.resolve("kb"), "-Dkefu.policy.file=" + shared.resolve("kb/policies.properties"),
                "-Dkefu.rest.rate-burst=100000", "-Dkefu.handoff.queue-push-interval=100ms"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
        Node node = new Node(name, URI.create("http://127.0.0.1:" + port + "/"), p);
        node.awaitReady(Duration.ofSeconds(150));
        return node;
    }

    private void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see target/nodes/" + name + ".log");
            }
            try {
                if (given().baseUri(http.toString()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception e) { // RestAssured rethrows the ConnectException of a port not open yet
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Node " + name + " not ready within " + within + "; see target/nodes/" + name + ".log");
    }

    URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    RequestSpecification as(String token) {
        return given().baseUri(http.toString()).auth().oauth2(token);
    }

    /** A demo token of this role and subject, valid on every node. */
    String token(String role, String subject) {
        return given().baseUri(http.toString()).contentType("application/json")
                .body("{\"role\":\"" + role + "\",\"subject\":\"" + subject + "\",\"name\":\"" + subject + "\"}")
                .post("/api/demo/token").then().statusCode(200).extract().path("token");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
