package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the tests: what an outside caller sees, headers and all. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** Signed in as the initial lead-office account that {@link TestData} configures. */
    Api(int port) {
        this(port, "admin", TestData.ADMIN_PASSWORD);
    }

    /** Its reads wait until the read models include every write stored before them ({@link #afterEveryWrite()}). */
    private final boolean afterEveryWrite;

    Api(int port, String username, String password) {
        this("http://localhost:" + port, username == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)), false);
    }

    private Api(String base, String authorization, boolean afterEveryWrite) {
        this.base = base;
        this.authorization = authorization;
        this.afterEveryWrite = afterEveryWrite;
    }

    /**
     * The same caller, whose reads wait until the read models include everything stored before them:
     * a position past the store's head, which a read waits for up to the head. For checks after the
     * workbench's commands, which are answered once durable, not once the read models have them.
     */
    Api afterEveryWrite() {
        return new Api(base, authorization, true);
    }

    /** The same server, as another user. */
    Api as(String username, String password) {
        Api other = new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), username, password);
        return afterEveryWrite ? other.afterEveryWrite() : other;
    }

    /** Creates a user as the lead office and answers a client signed in as them. */
    Api newUser(String username, String role, String unitId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", username, "role", role,
                "password", username + "-password"));
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        Response r = post("/api/users", body);
        if (r.status() != 201) {
            throw new IllegalStateException("could not create user " + username + ": " + r.status() + " " + r.body());
        }
        return as(username, username + "-password");
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String id() {
            return body.get("id").asText();
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The raw body of a GET, for downloads (archive, workbook). */
    byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(signed(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " → " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                    .POST(HttpRequest.BodyPublishers.ofString(text));
            headers.forEach((k, v) -> {
                if (!k.equals("Content-Type")) {
                    b.header(k, v);
                }
            });
            return send(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload of one file in field {@code file}, with plain form fields beside it. */
    Response upload(String path, String fileName, byte[] bytes, Map<String, String> fields) {
        String boundary = "duban-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
                + v + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The caller's credentials, and for {@link #afterEveryWrite()} the position its reads wait for. */
    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        if (afterEveryWrite) {
            request.setHeader("X-Duban-Min-Position", Long.toString(Long.MAX_VALUE));
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(signed(request).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            boolean json = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
            JsonNode body = r.body() == null || r.body().isBlank() || !json ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
