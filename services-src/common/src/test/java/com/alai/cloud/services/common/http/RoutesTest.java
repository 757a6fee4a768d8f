package com.alai.cloud.services.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.auth.Access;
import com.alai.cloud.services.common.error.ApiException;
import org.junit.jupiter.api.Test;

class RoutesTest {
    static final Routes.Handler OK = r -> Response.raw(200, "text/plain", new byte[0]);

    @Test
    void aPlainParameterStopsAtASlash() {
        var routes = new Routes().get("/files/{name}", OK);
        assertThat(routes.match("GET", "/files/a.md").params()).containsEntry("name", "a.md");
        assertThatThrownBy(() -> routes.match("GET", "/files/a/b.md")).isInstanceOf(ApiException.class);
    }

    @Test
    void aRestOfPathParameterTakesTheSlashesToo() {
        var routes = new Routes().getRestOfPath("/raw/{path}", Access.AUTHENTICATED, OK);
        assertThat(routes.match("GET", "/raw/a/b/c.md").params()).containsEntry("path", "a/b/c.md");
        assertThat(routes.match("GET", "/raw/a/b/c.md").route().template()).isEqualTo("/raw/{path}");
    }

    @Test
    void aRestOfPathTemplateMustEndInItsParameter() {
        assertThatThrownBy(() -> new Routes().getRestOfPath("/raw/{path}/meta", Access.AUTHENTICATED, OK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
