package cn.duban.query.common;

import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProjectionProgress;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for every read endpoint: a client that wrote through another process (the command
 * side on its own) passes the position its write returned in {@value #MIN_POSITION_HEADER} and is
 * answered only once the read models include it.
 */
@Component
public class ReadAfterWrite {
    public static final String MIN_POSITION_HEADER = "X-Duban-Min-Position";
    private final ProjectionProgress progress;
    private final DubanProperties props;

    public ReadAfterWrite(ProjectionProgress progress, DubanProperties props) {
        this.progress = progress;
        this.props = props;
    }

    /** Waits (up to the configured consistency wait) until the read models have passed {@code minPosition}. */
    public void await(Long minPosition) {
        if (minPosition != null) {
            progress.awaitClaimedPosition(minPosition, props.consistencyWait());
        }
    }
}
