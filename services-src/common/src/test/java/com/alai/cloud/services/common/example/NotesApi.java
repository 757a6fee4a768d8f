package com.alai.cloud.services.common.example;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.auth.Access;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** A whole service on the skeleton (services-src/README.md, "Starting a new service"): copy it, rename, replace notes. */
public final class NotesApi {
    /** Every service's settings plus this one's; each error names its variable, and the service exits 2. */
    public record Config(ServiceConfig service, int maxLength) {
        public static Config from(Env env) {
            return new Config(ServiceConfig.from(env), env.integer("NOTES_MAX_LENGTH", 1000, 1, 100_000));
        }
    }

    public record Note(long id, String text) {
    }

    public static Service start(Config config) {
        var service = Service.builder("notes-api", config.service(), "classpath:db/migration/notes");
        DataSource db = service.dataSource();
        return service.openApi(NotesApi.class, "/notes-openapi.json")
                .routes(() -> new Routes()
                        .get("/notes/{id}", Access.scope("notes.read"), r -> Response.json(200, get(db, r)))
                        .post("/notes", Access.scope("notes.write").orRole("notes.admin"),
                                r -> Response.json(201, add(db, r, config.maxLength()))))
                .start();
    }

    static Note get(DataSource db, Request r) throws SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement("SELECT id, text FROM notes WHERE id = ?")) {
            s.setLong(1, Long.parseLong(r.pathParam("id").matches("\\d{1,18}") ? r.pathParam("id") : "-1"));
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("no note " + r.pathParam("id"));
                }
                return new Note(rs.getLong(1), rs.getString(2));
            }
        }
    }

    static Note add(DataSource db, Request r, int maxLength) throws SQLException {
        String text = r.json().path("text").asText("");
        if (text.isBlank() || text.length() > maxLength) {
            throw ApiException.invalid(Map.of("text", "must be 1-" + maxLength + " characters"));
        }
        try (var c = db.getConnection(); var s = c.prepareStatement("INSERT INTO notes (text) VALUES (?) RETURNING id")) {
            s.setString(1, text);
            try (var rs = s.executeQuery()) {
                rs.next();
                return new Note(rs.getLong(1), text);
            }
        }
    }

    public static void main(String[] args) {
        Launcher.run("notes-api", Config::from, NotesApi::start);
    }
}
