package com.alai.cloud.migrate.mc;

import java.lang.reflect.Proxy;
import java.sql.Connection;

/** Lends the migration's connection to Flyway without letting Flyway close it. */
final class NonClosing {
    private final Connection target;

    NonClosing(Connection target) {
        this.target = target;
    }

    Connection proxy() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(target, args));
    }
}
