package com.alai.cloud.components.database;

import com.alai.cloud.components.azure.AzureType;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * PostgreSQL Flexible Server bound to API 2023-03-01-preview. azure-native 2.10.0's typed
 * {@code dbforpostgresql.Server} binds 2022-12-01, which cannot switch on storage auto-grow; the provider plugin
 * serves every API version its typed class lists as an alias, and 2023-03-01-preview is the newest of them (the
 * provider has no 2023-06-01-preview), so this class binds that token directly.
 */
@ResourceType(type = FlexibleServer.TYPE)
public final class FlexibleServer extends CustomResource {
    /** The token without the provider prefix, as plans and policies print it. */
    public static final String SHORT_TYPE = "dbforpostgresql/v20230301preview:Server";
    public static final String TYPE = AzureType.PROVIDER + SHORT_TYPE;

    @Export(name = "fullyQualifiedDomainName", refs = {String.class}, tree = "[0]")
    private Output<String> fullyQualifiedDomainName;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public FlexibleServer(String name, FlexibleServerArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }

    public Output<String> fullyQualifiedDomainName() {
        return fullyQualifiedDomainName;
    }

    public Output<String> serverName() {
        return name;
    }
}
