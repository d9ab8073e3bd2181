package cn.duban.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The domain's clock: the system's, except while a simulation sets the instant — only the demo's
 * load does, so that a demo year is recorded at its 2023 instants (recording-time replay, timelines
 * and comparisons span the year). Outside {@code --demo} recording time is always the real clock.
 */
public final class DubanClock extends Clock {
    private final ZoneId zone;
    private final DubanClock root;
    private volatile Instant simulated;

    public DubanClock() {
        this.zone = ZoneOffset.UTC;
        this.root = this;
    }

    private DubanClock(DubanClock root, ZoneId zone) {
        this.root = root;
        this.zone = zone;
    }

    /** From now until {@link #stopSimulating()}, "now" is this instant. */
    public void simulate(Instant at) {
        root.simulated = at;
    }

    public void stopSimulating() {
        root.simulated = null;
    }

    public boolean simulating() {
        return root.simulated != null;
    }

    @Override
    public Instant instant() {
        Instant s = root.simulated;
        return s != null ? s : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new DubanClock(root, zone);
    }
}
