package com.alai.cloud.services.mc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET and POST /tasks/{id}/comments on a real PostgreSQL, with tokens from a real issuer. */
class CommentApiTest {
    static final ApiFixture F = ApiFixture.INSTANCE;
    static final ObjectMapper JSON = new ObjectMapper();

    static long task() throws Exception {
        return JSON.readTree(F.post("{\"title\":\"commented\"}").body()).path("id").asLong();
    }

    static HttpResponse<String> comment(long task, String body) throws Exception {
        return F.send(F.authed("/tasks/" + task + "/comments").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode comments(long task) throws Exception {
        return JSON.readTree(F.send(F.authed("/tasks/" + task + "/comments")).body());
    }

    @Test
    void aPostedCommentIsListedUnderItsTask() throws Exception {
        long task = task();
        var created = comment(task, "{\"body\":\"looks good 👍\",\"author\":\"kelsey\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode items = comments(task).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("body").asText()).isEqualTo("looks good 👍");
        assertThat(items.get(0).path("author").asText()).isEqualTo("kelsey");
        assertThat(items.get(0).path("taskId").asLong()).isEqualTo(task);
    }

    @Test
    void withoutAnAuthorTheTokensSubjectSignsTheComment() throws Exception {
        long task = task();
        comment(task, "{\"body\":\"mine\"}");
        assertThat(comments(task).path("items").get(0).path("author").asText()).isEqualTo("alice");
    }

    @Test
    void commentsAreListedOldestFirst() throws Exception {
        long task = task();
        comment(task, "{\"body\":\"first\"}");
        comment(task, "{\"body\":\"second\"}");
        assertThat(comments(task).path("items")).extracting(n -> n.path("body").asText()).containsExactly("first", "second");
    }

    @Test
    void aTaskThatDoesNotExistIsA404ForListAndPostAlike() throws Exception {
        assertThat(F.send(F.authed("/tasks/999999999/comments")).statusCode()).isEqualTo(404);
        assertThat(comment(999_999_999L, "{\"body\":\"lost\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadBodyIs422NamingTheFieldAndWritesNothing() throws Exception {
        long task = task();
        var response = comment(task, "{\"body\":\"\",\"mood\":\"grim\",\"author\":\"a b\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("body", "mood", "author");
        assertThat(comments(task).path("items")).isEmpty();
    }

    @Test
    void commentsNeedAToken() throws Exception {
        var anonymous = F.send(HttpRequest.newBuilder(java.net.URI.create(F.url("/tasks/1/comments"))));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
