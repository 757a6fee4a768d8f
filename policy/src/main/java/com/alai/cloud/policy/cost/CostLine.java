package com.alai.cloud.policy.cost;

/** One priced item of one resource: quantity × unit price = monthly USD. */
public record CostLine(String resource, String item, double quantity, String unit, double unitPrice, double monthly) {
}
