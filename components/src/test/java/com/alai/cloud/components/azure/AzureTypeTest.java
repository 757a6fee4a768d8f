package com.alai.cloud.components.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.database.FlexibleServer;
import org.junit.jupiter.api.Test;

class AzureTypeTest {
    @Test
    void aTokenBoundToAnApiVersionIsItsUnversionedType() {
        assertThat(AzureType.of(FlexibleServer.TYPE)).contains(AzureType.POSTGRES_SERVER);
        assertThat(AzureType.POSTGRES_SERVER.matches("dbforpostgresql/v20230301preview:Server")).isTrue();
        assertThat(AzureType.unversioned("azure-native:app/v20240301:ContainerApp")).isEqualTo("app:ContainerApp");
    }

    @Test
    void aTypeOutsideTheSetIsNone() {
        assertThat(AzureType.of("azure-native:compute:VirtualMachine")).isEmpty();
        assertThat(AzureType.of("pulumi:pulumi:StackReference")).isEmpty();
        assertThat(AzureType.CONTAINER_APP.matches("azure-native:app:Job")).isFalse();
    }

    @Test
    void aRoleDefinitionIdNamesItsRoleInAnySubscription() {
        String id = RoleDefinition.ACR_PULL.id("00000000-0000-0000-0000-000000000001");
        assertThat(id).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization"
                + "/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d");
        assertThat(RoleDefinition.ofId(id)).contains(RoleDefinition.ACR_PULL);
        assertThat(RoleDefinition.ofId("/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/other")).isEmpty();
    }
}
