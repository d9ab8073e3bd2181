package cn.duban.query.projection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A fresh embedded database and a {@link ProjectionHarness} for each test of a projection. */
abstract class ProjectionTestBase {
    @TempDir
    Path dir;
    ProjectionHarness harness;

    @BeforeEach
    void startHarness() {
        harness = new ProjectionHarness(dir);
    }

    @AfterEach
    void stopHarness() {
        harness.close();
    }
}
