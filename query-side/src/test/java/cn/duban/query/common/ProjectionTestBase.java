package cn.duban.query.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A fresh embedded database and a {@link ProjectionHarness} for each test of a projection. */
public abstract class ProjectionTestBase {
    /** No feature grants unit staff other units' records; these tests read as no signed-in user, so nothing is refused. */
    protected static final cn.duban.platform.security.UnitReading NO_GRANTS = new cn.duban.platform.security.UnitReading(
            new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(cn.duban.platform.security.UnitReading.Grant.class));

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
