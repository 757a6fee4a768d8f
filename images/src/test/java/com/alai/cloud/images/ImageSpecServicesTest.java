package com.alai.cloud.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of services is what services-src/ holds, not a list kept by hand. */
class ImageSpecServicesTest {
    @Test
    void theServicesAreTheFoldersWhosePomBuildsARunnableJar(@TempDir Path servicesSrc) throws Exception {
        Files.createDirectories(servicesSrc.resolve("zeta-api"));
        Files.writeString(servicesSrc.resolve("zeta-api/pom.xml"), "<project><mainClass>a.Zeta</mainClass></project>");
        Files.createDirectories(servicesSrc.resolve("alpha-job"));
        Files.writeString(servicesSrc.resolve("alpha-job/pom.xml"), "<project><mainClass>a.Alpha</mainClass></project>");
        Files.createDirectories(servicesSrc.resolve("common"));
        Files.writeString(servicesSrc.resolve("common/pom.xml"), "<project><artifactId>common</artifactId></project>");
        Files.createDirectories(servicesSrc.resolve("notes"));
        Files.writeString(servicesSrc.resolve("README.md"), "# services");

        assertThat(ImageSpec.services(servicesSrc)).containsExactly("alpha-job", "zeta-api");
    }

    @Test
    void thisRepositorysServicesIncludeThePhaseTwoOnesAndNotTheCommonLibrary() {
        Path servicesSrc = Path.of("..", "services-src").toAbsolutePath().normalize();
        assertThat(ImageSpec.services(servicesSrc)).contains("mc-api", "hivemind-api", "backup-job").doesNotContain("common");
    }
}
