package com.alai.cloud.services.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent files: what a valid one says, and that every broken one is refused with what is wrong in it. */
class DefinitionsTest {
    static final String VALID = """
            ---
            name: triage
            description: sorts new tasks
            runtime: claude-code
            model: anthropic/claude-sonnet-4-5
            allowedTools: [Bash, Read]
            priority: 5
            limits:
              timeoutSeconds: 300
              maxCostUsd: 0.50
              concurrency: 2
            ---
            You sort tasks.
            Be brief.
            """;

    @Test
    void aFileIsFrontMatterSettingsAndASystemPromptBody() {
        AgentDefinition agent = DefinitionParser.parse("triage.md", VALID);
        assertThat(agent.name()).isEqualTo("triage");
        assertThat(agent.runtime()).isEqualTo("claude-code");
        assertThat(agent.model()).isEqualTo(new AgentDefinition.ModelRoute("anthropic", "claude-sonnet-4-5"));
        assertThat(agent.allowedTools()).containsExactly("Bash", "Read");
        assertThat(agent.systemPrompt()).isEqualTo("You sort tasks.\nBe brief.");
        assertThat(agent.priority()).isEqualTo(5);
        assertThat(agent.limits()).isEqualTo(new AgentDefinition.Limits(300, new BigDecimal("0.5"), 2, 3, 20));
    }

    @Test
    void brokenFilesAreRefusedNamingTheFileAndTheProblem() {
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", "no front matter")).hasMessageStartingWith("a.md: ");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", "---\nname: a\n")).hasMessageContaining("closing");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("runtime: claude-code", "runtime: shell")))
                .hasMessageContaining("runtime must be one of");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("priority: 5", "priorty: 5")))
                .hasMessageContaining("unknown keys [priorty]");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("concurrency: 2", "concurrency: 0")))
                .hasMessageContaining("concurrency must be an integer in 1..1000");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("name: triage", "name: ../etc")))
                .hasMessageContaining("name must match");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("anthropic/claude-sonnet-4-5", "sonnet")))
                .hasMessageContaining("provider/model");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", VALID.replace("[Bash, Read]", "[\"Bash; rm -rf /\"]")))
                .hasMessageContaining("invalid tool name");
        assertThatThrownBy(() -> DefinitionParser.parse("a.md", "---\n[unclosed\n---\nbody")).hasMessageContaining("not YAML");
    }

    @Test
    void aDirectoryRefusesTwoFilesDefiningOneAgent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.md"), VALID);
        Files.writeString(dir.resolve("two.md"), VALID);
        assertThatThrownBy(() -> DirectoryDefinitions.load(dir)).hasMessageContaining("a second time");
        Files.delete(dir.resolve("two.md"));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        assertThat(DirectoryDefinitions.load(dir).find("triage")).isPresent();
        assertThat(DirectoryDefinitions.load(dir).all()).hasSize(1);
    }
}
