package com.alai.cloud.client.config;

import com.alai.cloud.client.error.AlaiException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code $XDG_CONFIG_HOME/alai/config.yaml}: named profiles, and which one is the default. Environment variables
 * override a profile's fields (ALAI_ISSUER, ALAI_CLIENT_ID, ALAI_MC_URL, ALAI_HIVE_URL, ALAI_MC_DB); ALAI_PROFILE or
 * --profile picks the profile.
 *
 * <pre>
 * profile: work
 * profiles:
 *   work:
 *     issuer: https://alaiauth.ciamlogin.com/alaiauth.onmicrosoft.com/v2.0
 *     clientId: 11111111-2222-3333-4444-555555555555
 *     mcUrl: https://mc-api.example.azurecontainerapps.io
 * </pre>
 */
public final class ConfigFile {
    /** Entra External ID (Azure AD B2C is closed to new customers since 1 May 2025; a B2C issuer URL works the same). */
    public static final String DEFAULT_ISSUER = "https://alaiauth.ciamlogin.com/alaiauth.onmicrosoft.com/v2.0";
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "offline_access", "api://alai-control-plane/.default");
    public static final String DEFAULT_MC_DB = "~/system/mission-control.db";

    @JsonIgnoreProperties(ignoreUnknown = false)
    record FileProfile(String issuer, String clientId, List<String> scopes, String mcUrl, String hiveUrl, String mcDb) {
    }

    record Document(String profile, Map<String, FileProfile> profiles) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigFile() {
    }

    public static Path path(Environment env) {
        return env.configDir().resolve("config.yaml");
    }

    /** The profile to use: {@code requested} (--profile), else ALAI_PROFILE, else the file's default, else "default". */
    public static Profile resolve(Environment env, String requested) {
        Document doc = read(path(env));
        Map<String, FileProfile> profiles = doc.profiles() == null ? Map.of() : doc.profiles();
        String name = requested != null ? requested : env.get("ALAI_PROFILE").orElse(doc.profile() != null ? doc.profile() : "default");
        FileProfile found = profiles.get(name);
        if (found == null && !name.equals("default")) {
            throw AlaiException.notFound("no profile '" + name + "' in " + path(env) + "; profiles: " + new TreeMap<>(profiles).keySet());
        }
        FileProfile p = found != null ? found : new FileProfile(null, null, null, null, null, null);
        return new Profile(name,
                uri(env.get("ALAI_ISSUER").orElse(p.issuer() != null ? p.issuer() : DEFAULT_ISSUER), "issuer"),
                env.get("ALAI_CLIENT_ID").orElse(p.clientId()),
                p.scopes() != null && !p.scopes().isEmpty() ? p.scopes() : DEFAULT_SCOPES,
                env.get("ALAI_MC_URL").or(() -> java.util.Optional.ofNullable(p.mcUrl())).map(u -> uri(u, "mcUrl")).orElse(null),
                env.get("ALAI_HIVE_URL").or(() -> java.util.Optional.ofNullable(p.hiveUrl())).map(u -> uri(u, "hiveUrl")).orElse(null),
                env.expand(env.get("ALAI_MC_DB").orElse(p.mcDb() != null ? p.mcDb() : DEFAULT_MC_DB)));
    }

    public static List<String> names(Environment env) {
        Document doc = read(path(env));
        return doc.profiles() == null ? List.of() : List.copyOf(new TreeMap<>(doc.profiles()).keySet());
    }

    private static Document read(Path file) {
        if (!Files.exists(file)) {
            return new Document(null, Map.of());
        }
        try {
            Document doc = YAML.readValue(file.toFile(), Document.class);
            return doc == null ? new Document(null, Map.of()) : doc;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw AlaiException.usage(file + " is not a valid alai config file: " + why);
        }
    }

    private static URI uri(String value, String field) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
                throw AlaiException.usage(field + " " + value + " must be https:// (http:// only to 127.0.0.1 or localhost)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw AlaiException.usage(field + " " + value + " is not a URL");
        }
    }

    static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
