package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.policy.rules.Rule;
import com.alai.cloud.policy.rules.RuleCatalog;
import com.alai.cloud.policy.rules.UpstreamRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The upstream list and the catalog agree, the coverage holds, and the README shows exactly what they say. */
class UpstreamRulesTest {
    private static final UpstreamRules UPSTREAM = UpstreamRules.load();
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyIdAnAlaiRuleMirrorsIsRecordedUpstream() {
        var recorded = Stream.concat(UPSTREAM.ids().stream(),
                UPSTREAM.notApplicable().stream().flatMap(n -> n.ids().stream())).toList();
        assertThat(RuleCatalog.all()).flatExtracting(Rule::mirrors).allMatch(recorded::contains);
    }

    @Test
    void aMirroredRuleCountsOnlyWhenTheUpstreamRuleApplies() {
        var notApplicable = UPSTREAM.notApplicable().stream().flatMap(n -> n.ids().stream()).toList();
        assertThat(UPSTREAM.ids()).doesNotContainAnyElementsOf(notApplicable);
    }

    @Test
    void everyApplicableRuleIsEitherMirroredOrDeclinedNeverBoth() {
        for (UpstreamRules.Upstream rule : UPSTREAM.applicable()) {
            boolean mirrored = !UpstreamRules.mirroring(rule.id(), RuleCatalog.all()).isEmpty();
            assertThat(mirrored ^ rule.decline().isPresent()).as(rule.id()).isTrue();
            rule.decline().ifPresent(d -> assertThat(d.reason()).as(rule.id()).isNotBlank());
        }
    }

    @Test
    void atLeastNinetyPercentOfEachSourceIsMirrored() {
        for (UpstreamRules.Source source : UPSTREAM.sources()) {
            assertThat(source.commit()).matches("[0-9a-f]{40}");
            assertThat(UPSTREAM.mirroredPercent(source.name(), RuleCatalog.all())).as(source.name()).isGreaterThanOrEqualTo(90.0);
        }
    }

    @Test
    void theReadmePolicyTableIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(README);
        String table = new PolicyTable(RuleCatalog.all(), UPSTREAM).markdown();
        int begin = readme.indexOf(PolicyTable.BEGIN);
        int end = readme.indexOf(PolicyTable.END) + PolicyTable.END.length();
        if (Boolean.getBoolean("alai.writeReadme")) {
            Files.writeString(README, readme.substring(0, begin) + table + readme.substring(end));
            readme = Files.readString(README);
        }
        assertThat(begin).as("README has the generated policy section").isNotNegative();
        assertThat(readme.substring(begin, readme.indexOf(PolicyTable.END) + PolicyTable.END.length()))
                .as("README policy table; regenerate with -Dtest=UpstreamRulesTest -Dalai.writeReadme=true").isEqualTo(table);
    }
}
