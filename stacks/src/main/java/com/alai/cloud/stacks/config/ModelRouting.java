package com.alai.cloud.stacks.config;

import com.alai.cloud.components.secrets.SecretRef;
import java.util.List;

/** Phase 5: Ollama endpoints on the data plane in order of preference, then the hosted fallback. */
public record ModelRouting(List<String> ollamaEndpoints, String fallbackUrl, String fallbackModel, SecretRef fallbackKey) {
    static ModelRouting read(SettingsReader in) {
        List<String> endpoints = in.list("ollamaEndpoints");
        for (String endpoint : endpoints) {
            if (!endpoint.matches("https?://[A-Za-z0-9.-]+(:\\d+)?/?")) {
                throw new ConfigException("ollamaEndpoints", "'" + endpoint + "' must be http(s)://host:port");
            }
        }
        return new ModelRouting(endpoints,
                in.matching("fallbackModelUrl", "https://[^\\s]+", "must be an https:// URL"),
                in.string("fallbackModel"),
                in.parsed("fallbackModelApiKey", SecretRef::parse));
    }
}
