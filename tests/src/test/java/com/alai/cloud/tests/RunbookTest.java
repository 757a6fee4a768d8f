package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.validate.Check;
import com.alai.cloud.deploy.validate.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runbooks exist for every phase, parse, and name a check per seed criterion; bad blocks are refused clearly. */
class RunbookTest {
    @TempDir
    Path dir;

    static List<Check> runbook(int phase) {
        return RunbookParser.parse(Offline.HOME.resolve("runbooks/phase" + phase + ".md"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void everyPhaseHasARunbookWithChecksRollbackAndCost(int phase) throws Exception {
        String text = Files.readString(Offline.HOME.resolve("runbooks/phase" + phase + ".md"));
        assertThat(text).contains("## Why", "## Steps", "## Checks", "## Rollback", "```rollback", "## Cost", "## Rollback drill");
        assertThat(runbook(phase)).isNotEmpty();
    }

    @Test
    void phaseTwoHasACheckForEverySeedCriterionThatCanBeAutomated() {
        assertThat(runbook(2)).extracting(Check::criterion).anyMatch(c -> c.contains("alai mc list returns live tasks"))
                .anyMatch(c -> c.contains("within 2 s")).anyMatch(c -> c.contains("100-row sample"))
                .anyMatch(c -> c.contains("cold start under 5 s"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void phaseTwoRollbackWritesTheCloudsChangesBackIntoSqliteBeforeAnvilIsPointedBackAtIt() throws Exception {
        Path runbook = Offline.HOME.resolve("runbooks/phase2.md");
        List<Check> steps = RunbookParser.parse(runbook, "rollback-step");
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo("command");
            assertThat((List<Object>) step.spec().get("argv")).containsSubsequence("migrate", "mc", "--reverse", "--from", "${DATABASE_URL}");
        });
        String text = Files.readString(runbook);
        assertThat(text.indexOf("```rollback-step")).isLessThan(text.indexOf("unset ALAI_MC_URL (remove"));
    }

    @Test
    void rollbackStepsAreNotRunAsChecksByValidate() {
        assertThat(runbook(2)).extracting(Check::id).doesNotContain("mc-write-back");
    }

    @Test
    void phaseOneChecksTheExpectedItemsWithTheOldVaultUnreachable() {
        assertThat(runbook(1)).extracting(Check::criterion).anyMatch(c -> c.contains("returns all expected items"))
                .anyMatch(c -> c.contains("stopped for 1 hour"));
    }

    Path write(String body) throws Exception {
        Path file = dir.resolve("phase9.md");
        Files.writeString(file, "# test\n\n" + body);
        return file;
    }

    @Test
    void anUnknownKindIsRefusedWithFileAndLine() throws Exception {
        assertThatThrownBy(() -> RunbookParser.parse(write("```check\nid: x1\nkind: ftp\n```\n")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("phase9.md:3:").hasMessageContaining("kind must be one of");
    }

    @Test
    void anUnclosedBlockIsRefused() throws Exception {
        assertThatThrownBy(() -> RunbookParser.parse(write("```check\nid: x1\nkind: http\n"))).hasMessageContaining("not closed");
    }

    @Test
    void yamlAliasesAreRefusedSoABillionLaughsCannotExpand() throws Exception {
        String bomb = "```check\nid: x1\nkind: http\na: &a [x, x]\nb: [*a, *a]\n```\n";
        assertThatThrownBy(() -> RunbookParser.parse(write(bomb))).hasMessageContaining("anchors and aliases are not allowed");
    }

    @Test
    void anOversizeBlockIsRefused() throws Exception {
        assertThatThrownBy(() -> RunbookParser.parse(write("```check\nid: x1\nkind: http\nurl: \"" + "x".repeat(9000) + "\"\n```\n")))
                .hasMessageContaining("larger than");
    }

    @Test
    void aNegativeTimeoutIsRefused() throws Exception {
        assertThatThrownBy(() -> RunbookParser.parse(write("```check\nid: x1\nkind: command\nargv: [\"true\"]\ntimeoutSeconds: -5\n```\n")))
                .hasMessageContaining("timeoutSeconds");
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        String two = "```check\nid: same\nkind: dns\nname: localhost\n```\n\n```check\nid: same\nkind: dns\nname: localhost\n```\n";
        assertThatThrownBy(() -> RunbookParser.parse(write(two))).hasMessageContaining("duplicate check id 'same'");
    }

    @Test
    void aBlockThatIsNotAMappingIsRefused() throws Exception {
        assertThatThrownBy(() -> RunbookParser.parse(write("```check\n- just\n- a list\n```\n"))).hasMessageContaining("mapping");
    }
}
