package com.alai.cloud.services.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemWriterTest {

    @Test
    void aLostDatabaseConnectionIsA503TheClientMayRetry() {
        var lost = new SQLException("wrapped", "XX000", new SQLException("I/O error", "08006"));
        Response response = ProblemWriter.toResponse(lost, "/topics/t/messages", "r1");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "1");
        assertThat(response.contentType()).isEqualTo(ProblemWriter.MEDIA_TYPE);
    }

    @Test
    void aServerShuttingDownIsA503Too() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(ProblemWriter.toResponse(shutdown, "/", "r1").status()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsA500ThatQuotesTheRequestIdAndNotTheMessage() {
        var constraint = new SQLException("duplicate key value (secret-row-value)", "23505");
        Response response = ProblemWriter.toResponse(constraint, "/tasks", "req-42");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).isEqualTo(500);
        assertThat(body).contains("req-42").doesNotContain("secret-row-value");
        assertThat(response.headers()).doesNotContainKey("Retry-After");
    }
}
