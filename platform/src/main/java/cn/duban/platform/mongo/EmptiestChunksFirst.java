package cn.duban.platform.mongo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Which chunks a compaction slice rewrites: the emptiest first, as many as the slice's budget of
 * live bytes holds. Rewriting a chunk moves its live pages into a new chunk and frees the whole old
 * one, so the space a slice gives back per byte it writes is highest for the emptiest chunks.
 *
 * <p>H2 2.3.232 ranks chunks by fill rate divided by age in versions, in whole numbers; every commit
 * is a version, and an append commits. Once a chunk is some thousand commits old its rank is 0
 * whatever its fill rate, and among chunks ranked alike H2 keeps those with the least live data. In
 * the load of issue 14's 1M store (a probe of H2's chunk figures every 3 s) the chunks were half
 * dead (362 of 727 MB by H2's page lengths), 91 MB of it in chunks 10-30 % live, while the slices
 * rewrote fuller ones and the file grew to 618 MB. Only the choice is changed here; H2 still checks
 * each chunk offered and does the rewrite.
 */
final class EmptiestChunksFirst {
    private EmptiestChunksFirst() {
    }

    /** What the choice reads of a chunk: H2's own figures (its {@code Chunk}'s public fields). */
    record Space(long length, long live, long createdAt, long version) {
    }

    /**
     * The emptiest of {@code chunks} that H2 may rewrite now, up to {@code budget} live bytes: partly
     * live, created at least {@code retentionMs} before {@code now} (H2 writes over a chunk no
     * sooner), and of a version before {@code newestVersion} (the last chunk saved is not rewritten,
     * as H2 itself does not, or rewriting would never end). A chunk with more live bytes than the
     * budget is not offered: a slice holds H2's store lock, which commits wait for.
     */
    static <C> List<C> choose(Iterable<C> chunks, Function<C, Space> space, long now, long retentionMs,
                              long newestVersion, long budget) {
        record Candidate<C>(C chunk, Space space) {
            double fill() {
                return (double) space.live() / space.length();
            }
        }
        List<Candidate<C>> candidates = new ArrayList<>();
        for (C chunk : chunks) {
            Space s = space.apply(chunk);
            if (s.live() > 0 && s.live() < s.length()
                    && (retentionMs < 0 || s.createdAt() + retentionMs <= now) && s.version() < newestVersion) {
                candidates.add(new Candidate<>(chunk, s));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::fill));
        List<C> chosen = new ArrayList<>();
        long left = budget;
        // A chunk with more live bytes than the budget never fits what is left: it is never offered.
        for (Candidate<C> c : candidates) {
            if (c.space().live() <= left) {
                chosen.add(c.chunk());
                left -= c.space().live();
            }
        }
        return chosen;
    }
}
