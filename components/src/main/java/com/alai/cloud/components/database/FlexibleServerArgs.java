package com.alai.cloud.components.database;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/** Inputs of {@link FlexibleServer}, in the API's own shape (nested objects as maps). */
public final class FlexibleServerArgs extends ResourceArgs {
    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;
    @Import(name = "serverName")
    private final Output<String> serverName;
    @Import(name = "location")
    private final Output<String> location;
    @Import(name = "tags")
    private final Output<Map<String, String>> tags;
    @Import(name = "version")
    private final Output<String> version;
    @Import(name = "administratorLogin")
    private final Output<String> administratorLogin;
    @Import(name = "administratorLoginPassword")
    private final Output<String> administratorLoginPassword;
    @Import(name = "sku")
    private final Output<Map<String, Object>> sku;
    @Import(name = "storage")
    private final Output<Map<String, Object>> storage;
    @Import(name = "backup")
    private final Output<Map<String, Object>> backup;
    @Import(name = "highAvailability")
    private final Output<Map<String, Object>> highAvailability;
    @Import(name = "network")
    private final Output<Map<String, Object>> network;
    @Import(name = "authConfig")
    private final Output<Map<String, Object>> authConfig;
    @Import(name = "maintenanceWindow")
    private final Output<Map<String, Object>> maintenanceWindow;

    public FlexibleServerArgs(Output<String> resourceGroupName, String serverName, String location,
                              Map<String, String> tags, String version, String administratorLogin,
                              Output<String> administratorLoginPassword, Map<String, Object> sku,
                              Map<String, Object> storage, Map<String, Object> backup,
                              Map<String, Object> highAvailability, Map<String, Object> network,
                              Map<String, Object> authConfig, Map<String, Object> maintenanceWindow) {
        this.resourceGroupName = resourceGroupName;
        this.serverName = Output.of(serverName);
        this.location = Output.of(location);
        this.tags = Output.of(tags);
        this.version = Output.of(version);
        this.administratorLogin = Output.of(administratorLogin);
        this.administratorLoginPassword = administratorLoginPassword.asSecret();
        this.sku = Output.of(sku);
        this.storage = Output.of(storage);
        this.backup = Output.of(backup);
        this.highAvailability = Output.of(highAvailability);
        this.network = Output.of(network);
        this.authConfig = Output.of(authConfig);
        this.maintenanceWindow = Output.of(maintenanceWindow);
    }
}
