package com.alai.cloud.components.database;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * PostgreSQL Flexible Server bound to API 2023-06-01-preview. azure-native 2.10.0's typed
 * {@code dbforpostgresql.Server} binds 2022-12-01, which cannot switch on storage auto-grow; the provider
 * plugin serves the newer API under this versioned token, so this class binds it directly.
 */
@ResourceType(type = FlexibleServer.TYPE)
public final class FlexibleServer extends CustomResource {
    public static final String TYPE = "azure-native:dbforpostgresql/v20230601preview:Server";

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
