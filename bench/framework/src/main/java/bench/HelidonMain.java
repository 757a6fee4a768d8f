package bench;

import io.helidon.webserver.WebServer;

public final class HelidonMain {
    public static void main(String[] args) {
        var db = new Db();
        WebServer.builder().port(Db.port())
                .connectionOptions(o -> o.tcpNoDelay(true))
                .routing(r -> r
                        .get("/healthz", (req, res) -> res.header("Content-Type", "application/json").send("{\"status\":\"ok\"}"))
                        .get("/readyz", (req, res) -> res.status(db.ready() ? 200 : 503).header("Content-Type", "application/json").send("{}"))
                        .get("/tasks", (req, res) -> res.header("Content-Type", "application/json")
                                .send(db.tasks(req.query().first("cursor").orElse(null)))))
                .build().start();
        db.open();
    }
}
