package cn.duban.platform.mongo;

import org.h2.api.ErrorCode;
import org.h2.compress.Compressor;
import org.h2.mvstore.DataUtils;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The Deflate compression of the data file's pages, in H2's own format (a zlib stream, which H2's
 * {@code CompressDeflate} reads and writes), at a level chosen here and with its zlib streams kept
 * for the next page. H2's own makes a new {@link Deflater} (or {@link Inflater}) for every page, at
 * zlib's default level 6; issue 14's commands spent 13 % of their CPU in it (async-profiler, 4
 * clients at 100k: every durable command commits, and a commit compresses every page it rewrites).
 *
 * <p>Safe for concurrent use: a page is compressed by the commit or compaction slice that writes it
 * (one at a time) but expanded by whichever thread reads it from the file; each takes a stream of
 * its own from the pool, so the pool holds at most as many as ran at once.
 */
final class PageDeflate implements Compressor {
    private final Level level;
    private final Level thoroughLevel;
    private final BooleanSupplier thorough;
    private final Queue<Inflater> inflaters = new ConcurrentLinkedQueue<>();

    /** A zlib level and the streams kept for it. */
    private record Level(int zlib, Queue<Deflater> deflaters) {
        Level(int zlib) {
            this(zlib, new ConcurrentLinkedQueue<>());
        }

        Deflater deflater() {
            Deflater kept = deflaters.poll();
            return kept != null ? kept : new Deflater(zlib);
        }
    }

    /** At {@code thoroughLevel} while {@code thorough} says so (on the thread compressing), else at {@code level}. */
    PageDeflate(int level, int thoroughLevel, BooleanSupplier thorough) {
        this.level = new Level(level);
        this.thoroughLevel = new Level(thoroughLevel);
        this.thorough = thorough;
    }

    @Override
    public int getAlgorithm() {
        return Compressor.DEFLATE;
    }

    /** The level is fixed at construction; H2 passes no options to the compressor of a store. */
    @Override
    public void setOptions(String options) {
        throw new UnsupportedOperationException("PageDeflate's level is set when it is made");
    }

    /**
     * Answers where the compressed bytes end in {@code out}. When they do not fit (H2 gives twice the
     * page's length, more than Deflate ever needs), answers the end of {@code out}: H2 then keeps the
     * page as it is, since it compresses a page only when that makes it shorter.
     */
    @Override
    public int compress(byte[] in, int inPos, int inLen, byte[] out, int outPos) {
        Level at = thorough.getAsBoolean() ? thoroughLevel : level;
        Deflater deflater = at.deflater();
        boolean reusable = false;
        try {
            deflater.setInput(in, inPos, inLen);
            deflater.finish();
            int written = deflater.deflate(out, outPos, out.length - outPos);
            int end = deflater.finished() ? outPos + written : out.length;
            deflater.reset();
            reusable = true;
            return end;
        } finally {
            if (reusable) {
                at.deflaters().offer(deflater);
            } else {
                deflater.end();
            }
        }
    }

    @Override
    public void expand(byte[] in, int inPos, int inLen, byte[] out, int outPos, int outLen) {
        Inflater inflater = inflaters.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        boolean reusable = false;
        try {
            inflater.setInput(in, inPos, inLen);
            int expanded = inflater.inflate(out, outPos, outLen);
            if (expanded != outLen) {
                throw new DataFormatException(expanded + " " + outLen);
            }
            inflater.reset();
            reusable = true;
        } catch (DataFormatException e) {
            // As H2's own CompressDeflate reports a page it cannot expand (the exception last: its cause).
            throw DataUtils.newMVStoreException(ErrorCode.COMPRESSION_ERROR, e.getMessage(), e);
        } finally {
            if (reusable) {
                inflaters.offer(inflater);
            } else {
                inflater.end();
            }
        }
    }
}
