package com.alai.cloud.services.backup;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The backup container: with the managed identity in Azure (endpoint + AZURE_CLIENT_ID), with a connection string
 * locally (Azurite). Credentials never reach a log line.
 */
public final class BlobStore {
    private final BlobContainerClient container;

    private BlobStore(BlobContainerClient container) {
        this.container = container;
    }

    public static BlobStore withConnectionString(String connectionString, String container) {
        var client = new BlobServiceClientBuilder().connectionString(connectionString).buildClient().getBlobContainerClient(container);
        if (!client.exists()) {
            client.create();
        }
        return new BlobStore(client);
    }

    public static BlobStore withIdentity(String endpoint, String container, String clientId) {
        var credential = new DefaultAzureCredentialBuilder();
        if (clientId != null && !clientId.isBlank()) {
            credential.managedIdentityClientId(clientId);
        }
        return new BlobStore(new BlobServiceClientBuilder().endpoint(endpoint).credential(credential.build())
                .buildClient().getBlobContainerClient(container));
    }

    public void upload(String name, Path file) {
        container.getBlobClient(name).uploadFromFile(file.toString(), true);
    }

    public void upload(String name, byte[] bytes) {
        container.getBlobClient(name).upload(com.azure.core.util.BinaryData.fromBytes(bytes), true);
    }

    public byte[] download(String name) {
        return container.getBlobClient(name).downloadContent().toBytes();
    }

    public void downloadTo(String name, Path file) {
        container.getBlobClient(name).downloadToFile(file.toString(), true);
    }

    public List<String> list(String prefix) {
        return container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream().map(b -> b.getName()).toList();
    }
}
