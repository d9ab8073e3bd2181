package cn.duban.query.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A fresh embedded database and a {@link ProjectionHarness} for each test of a projection. */
public abstract class ProjectionTestBase {
    @TempDir
    protected Path dir;
    protected ProjectionHarness harness;

    @BeforeEach
    void startHarness() {
        harness = new ProjectionHarness(dir);
    }

    @AfterEach
    void stopHarness() {
        harness.close();
    }
}
