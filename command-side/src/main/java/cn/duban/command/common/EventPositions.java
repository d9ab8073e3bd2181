package cn.duban.command.common;

import java.time.Instant;

/** Where the event store stood at an instant: the position of the last commit recorded by then. */
public interface EventPositions {
    long positionAt(Instant instant);
}
