import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OIDC issuer for the benches (mock-oauth2-server, as the tests use), on 127.0.0.1:PORT. Prints the issuer URL
 * and a ten-hour token for the audience every API checks, as shell exports, then serves until killed.
 * Usage: java -cp "$(mc-api test classpath)" bench/issuer/Issuer.java PORT
 */
public class Issuer {
    public static void main(String[] args) throws Exception {
        var server = new MockOAuth2Server();
        server.start(java.net.InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[0]));
        String token = server.issueToken("default", "bench", "api://alai-control-plane", Map.of("roles", "mc"), 36_000).serialize();
        System.out.println("export OIDC_ISSUER=" + server.issuerUrl("default"));
        System.out.println("export TOKEN=" + token);
        System.out.flush();
        Thread.currentThread().join();
    }
}
