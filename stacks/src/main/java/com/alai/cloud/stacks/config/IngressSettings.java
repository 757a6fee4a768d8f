package com.alai.cloud.stacks.config;

import com.alai.cloud.components.database.FirewallRange;
import java.util.List;

/**
 * Who may reach the public APIs: CIDR blocks of public addresses (a private or CGNAT block is refused, Azure never
 * sees it as a source). Empty admits every address, which the APIs people call from changing networks need.
 */
public record IngressSettings(List<String> allowedRanges) {
    public IngressSettings {
        allowedRanges = List.copyOf(allowedRanges);
    }

    static IngressSettings read(SettingsReader in) {
        List<String> ranges = in.list("appIngressAllowedRanges");
        for (String block : ranges) {
            SettingsReader.parse("appIngressAllowedRanges", block, b -> FirewallRange.cidr("ingress", b).requirePublic());
        }
        return new IngressSettings(ranges);
    }
}
