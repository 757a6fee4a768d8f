package bench;

import io.javalin.Javalin;

public final class JavalinMain {
    public static void main(String[] args) {
        var db = new Db();
        Javalin.create(config -> config.routes.get("/db", ctx -> ctx.contentType("application/json").result(db.count())))
                .start(Db.port());
    }
}
