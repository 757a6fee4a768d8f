package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulumi.yaml against Pulumi's own project schema: {@code sdk/go/common/workspace/project.json} of the sdk module the
 * pinned CLI (v3.205.0) is built from, read from the Go module cache by tests/pulumi/project-schema.sh.
 */
class ProjectSchemaTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static Schema schema;
    static String version;

    @BeforeAll
    static void loadPulumisSchema() throws Exception {
        RealPulumi.ensureBuilt();
        RealPulumi.Result located = RealPulumi.exec(Offline.HOME, Map.of(), 120,
                Offline.HOME.resolve("tests/pulumi/project-schema.sh").toString());
        assertThat(located.exitCode()).as(located.stderr()).isZero();
        String[] parts = located.stdout().strip().split(" ");
        version = parts[1];
        try (InputStream in = Files.newInputStream(Path.of(parts[0]))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static JsonNode project() throws Exception {
        return YAML.readTree(Offline.HOME.resolve("Pulumi.yaml").toFile());
    }

    @Test
    void theSchemaIsTheOneOfTheCliTheTestsPin() {
        assertThat(version).isEqualTo("v3.205.0");
    }

    @Test
    void theRepositorysPulumiYamlPassesPulumisProjectSchema() throws Exception {
        List<Error> errors = schema.validate(project());
        assertThat(errors).as("Pulumi.yaml against project.json of sdk %s", version).isEmpty();
    }

    @Test
    void aDeclarationOfATypePulumiDoesNotKnowIsRefused() throws Exception {
        JsonNode project = project();
        ((ObjectNode) project.get("config")).putObject("budgets").put("type", "map");
        assertThat(schema.validate(project)).extracting(Error::getMessage).anyMatch(m -> m.contains("enumeration"));
    }

    @Test
    void aDeclarationWithAFieldPulumiDoesNotKnowIsRefused() throws Exception {
        JsonNode project = project();
        ((ObjectNode) project.get("config").get("location")).put("required", true);
        assertThat(schema.validate(project)).extracting(Error::getMessage).anyMatch(m -> m.contains("required"));
    }

    /**
     * Older project schemas allow only string, integer, boolean and array (sdk v3.205.0's also allows object), so the
     * object-valued settings stay undeclared and the program's reader validates them, for any CLI.
     */
    @Test
    void theStructuredSettingsAreLeftUndeclaredForTheProgramsReader() throws Exception {
        for (String key : EnvironmentSettings.STRUCTURED) {
            assertThat(project().get("config").has(key)).as(key + " is documented in README, not declared").isFalse();
        }
    }
}
