package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.stacks.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Network allow lists name public addresses only: Azure never sees a private or Tailscale (CGNAT) source. */
class NetworkConfigTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "postgresFirewall; [{\"name\": \"anvil\", \"start\": \"100.103.49.98\"}]; cgnat",
            "postgresFirewall; [{\"name\": \"office\", \"start\": \"10.0.0.0\", \"end\": \"10.0.0.255\"}]; rfc1918-10",
            "postgresFirewall; [{\"name\": \"wide\", \"start\": \"100.0.0.0\", \"end\": \"101.0.0.0\"}]; cgnat",
            "appIngressAllowedRanges; [\"192.168.1.0/24\"]; rfc1918-192",
            "appIngressAllowedRanges; [\"203.0.113.7/24\"]; host bits set",
            "backupNetworkAllowedIps; [\"172.16.4.2\"]; rfc1918-172"})
    void aNonPublicAddressIsRefusedNamingTheKey(String key, String value, String why) {
        assertThatThrownBy(() -> Offline.settings(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alai-cloud:" + key).hasMessageContaining(why);
    }

    @Test
    void publicAddressesAreAccepted() {
        var settings = Offline.settings(Map.of("postgresFirewall", "[{\"name\": \"anvil\", \"start\": \"198.51.100.20\"}]",
                "appIngressAllowedRanges", "[\"203.0.113.0/24\"]", "backupNetworkAllowedIps", "[\"198.51.100.20\"]"));
        assertThat(settings.postgres().firewall()).containsExactly(FirewallRange.single("anvil", "198.51.100.20"));
        assertThat(settings.ingress().allowedRanges()).containsExactly("203.0.113.0/24");
        assertThat(settings.backup().network().allowedIps()).containsExactly("198.51.100.20");
    }

    @Test
    void aCidrBlockCoversItsWholeRange() {
        assertThat(FirewallRange.cidr("office", "203.0.113.0/24")).isEqualTo(new FirewallRange("office", "203.0.113.0", "203.0.113.255"));
        assertThat(FirewallRange.cidr("one", "198.51.100.20/32").size()).isEqualTo(1);
    }

    @Test
    void theDevFirewallNamesNoTailscaleAddress() {
        assertThat(Offline.settings().postgres().firewall())
                .noneMatch(r -> FirewallRange.toLong(r.end()) >= FirewallRange.toLong("100.64.0.0")
                        && FirewallRange.toLong(r.start()) <= FirewallRange.toLong("100.127.255.255"));
    }
}
