package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.components.naming.Kind;
import com.alai.cloud.components.naming.Naming;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CAF names: regional names by convention, global names with a stable suffix from subscription and env. */
class NamingTest {
    private static final String SUB = "3f2c9a51-7d4e-4b8a-9c1f-0e5d6a7b8c9d";
    private final Naming naming = Naming.forSubscription("alai", "dev", "swedencentral", SUB, Map.of());

    @Test
    void regionalNamesFollowTheConvention() {
        assertThat(naming.resourceGroup()).isEqualTo("rg-alai-dev-swc");
        assertThat(naming.regional(Kind.CONTAINER_APP, "mc-api")).isEqualTo("ca-alai-mc-api-dev-swc");
    }

    @Test
    void globalNamesAreTheSameOnEveryRun() {
        var again = Naming.forSubscription("alai", "dev", "swedencentral", SUB, Map.of());
        assertThat(again.global(Kind.STORAGE_ACCOUNT)).isEqualTo(naming.global(Kind.STORAGE_ACCOUNT));
        assertThat(naming.global(Kind.STORAGE_ACCOUNT)).matches("stalaidevswc[0-9a-f]{6}");
        assertThat(naming.global(Kind.POSTGRES_SERVER)).matches("psql-alai-dev-swc-[0-9a-f]{6}");
    }

    @Test
    void globalNamesDifferBetweenSubscriptionsAndEnvironments() {
        var otherSub = Naming.forSubscription("alai", "dev", "swedencentral", SUB.replace('3', '4'), Map.of());
        var otherEnv = Naming.forSubscription("alai", "prod", "swedencentral", SUB, Map.of());
        assertThat(otherSub.global(Kind.CONTAINER_REGISTRY)).isNotEqualTo(naming.global(Kind.CONTAINER_REGISTRY));
        assertThat(otherEnv.global(Kind.CONTAINER_REGISTRY)).isNotEqualTo(naming.global(Kind.CONTAINER_REGISTRY));
    }

    @Test
    void aNameOverAzuresLimitIsRefused() {
        assertThatThrownBy(() -> naming.regional(Kind.CONTAINER_APP, "a-very-long-workload"))
                .hasMessageContaining("Azure allows 32");
    }

    @Test
    void hostileWorkloadNamesAreRefused() {
        assertThatThrownBy(() -> naming.regional(Kind.CONTAINER_APP, "../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> naming.regional(Kind.CONTAINER_APP, "MC API")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followsRecognisesItsOwnNamesOnly() {
        assertThat(naming.follows(Kind.CONTAINER_APP, "ca-alai-mc-api-dev-swc")).isTrue();
        assertThat(naming.follows(Kind.CONTAINER_APP, "my-app")).isFalse();
        assertThat(naming.follows(Kind.STORAGE_ACCOUNT, naming.global(Kind.STORAGE_ACCOUNT))).isTrue();
        assertThat(naming.follows(Kind.STORAGE_ACCOUNT, "alaibackups0ebb")).isFalse();
    }
}
