package bench;

import io.helidon.webserver.WebServer;

public final class HelidonMain {
    public static void main(String[] args) {
        var db = new Db();
        WebServer.builder().port(Db.port())
                .routing(r -> r.get("/db", (req, res) -> res.header("Content-Type", "application/json").send(db.count())))
                .build().start();
    }
}
