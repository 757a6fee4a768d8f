package com.alai.cloud.components.azure;

import java.util.Arrays;
import java.util.Optional;

/** The Azure built-in roles this repository assigns, by their fixed role-definition ids. */
public enum RoleDefinition {
    ACR_PULL("AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d"),
    STORAGE_BLOB_DATA_CONTRIBUTOR("StorageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe");

    private final String roleName;
    private final String guid;

    RoleDefinition(String roleName, String guid) {
        this.roleName = roleName;
        this.guid = guid;
    }

    public String roleName() {
        return roleName;
    }

    public String guid() {
        return guid;
    }

    /** The role-definition id a role assignment takes, in {@code subscriptionId}. */
    public String id(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
    }

    /** The role a role-definition id names, whatever its subscription. */
    public static Optional<RoleDefinition> ofId(String id) {
        return Arrays.stream(values()).filter(r -> id.endsWith("/" + r.guid) || id.equals(r.guid)).findFirst();
    }
}
