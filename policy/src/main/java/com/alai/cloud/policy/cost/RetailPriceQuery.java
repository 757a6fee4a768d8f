package com.alai.cloud.policy.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * How one entry of the price table is found in the Azure Retail Prices API: an OData filter for the service, and the
 * meter (and optionally product/SKU) an item must match. Consumption prices only, tier 0.
 */
record RetailPriceQuery(String key, String serviceName, String meterName, String productContains, String skuName) {

    static final List<RetailPriceQuery> AZURE = List.of(
            new RetailPriceQuery("postgres.b1ms.hour", "Azure Database for PostgreSQL", "B1MS", "Flexible Server", "B1MS"),
            new RetailPriceQuery("postgres.storage.gbmonth", "Azure Database for PostgreSQL", "Storage Data Stored", "Flexible Server Storage", null),
            new RetailPriceQuery("acr.basic.day", "Container Registry", "Basic Registry Unit", null, "Basic"),
            new RetailPriceQuery("aca.active.vcpu.second", "Azure Container Apps", "Standard vCPU Active Usage", null, null),
            new RetailPriceQuery("aca.active.gib.second", "Azure Container Apps", "Standard Memory Active Usage", null, null),
            new RetailPriceQuery("aca.idle.vcpu.second", "Azure Container Apps", "Standard vCPU Idle Usage", null, null),
            new RetailPriceQuery("aca.idle.gib.second", "Azure Container Apps", "Standard Memory Idle Usage", null, null),
            new RetailPriceQuery("aca.requests.million", "Azure Container Apps", "Standard Requests", null, null),
            new RetailPriceQuery("loganalytics.gb", "Log Analytics", "Pay-as-you-go Data Ingestion", null, null),
            new RetailPriceQuery("blob.hot.lrs.gbmonth", "Storage", "Hot LRS Data Stored", "Blob Storage", "Hot LRS"));

    String filter(String region) {
        return "armRegionName eq '" + region + "' and serviceName eq '" + serviceName + "' and priceType eq 'Consumption'";
    }

    boolean matches(JsonNode item) {
        if (item.path("tierMinimumUnits").asDouble(0) > 0) {
            return false;
        }
        String meter = item.path("meterName").asText();
        if (!meter.toLowerCase(Locale.ROOT).contains(meterName.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (productContains != null && !item.path("productName").asText().contains(productContains)) {
            return false;
        }
        return skuName == null || skuName.equalsIgnoreCase(item.path("skuName").asText());
    }
}
