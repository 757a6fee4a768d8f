package com.alai.cloud.deploy.validate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Map;

/** kind: tcp (host, port; expect reachable) and kind: dns (name; expect resolves). Either may expect false. */
final class NetworkCheck implements CheckKind {
    @Override
    public String run(Check check, Variables vars) throws Exception {
        Map<String, Object> expect = CheckKind.map(check.spec().get("expect"));
        if (check.kind().equals("dns")) {
            boolean wanted = !Boolean.FALSE.equals(expect.get("resolves"));
            String name = vars.expand(check.spec().get("name"));
            boolean resolves;
            try {
                InetAddress.getAllByName(name);
                resolves = true;
            } catch (UnknownHostException e) {
                resolves = false;
            }
            return resolves == wanted ? null : name + (resolves ? " resolves" : " does not resolve");
        }
        boolean wanted = !Boolean.FALSE.equals(expect.get("reachable"));
        String host = vars.expand(check.spec().get("host"));
        int port = Integer.parseInt(vars.expand(check.spec().get("port")));
        boolean reachable;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CheckKind.number(check, "timeoutSeconds", 5).intValue() * 1000);
            reachable = true;
        } catch (java.io.IOException e) {
            reachable = false;
        }
        return reachable == wanted ? null : host + ":" + port + (reachable ? " is reachable" : " is not reachable");
    }
}
