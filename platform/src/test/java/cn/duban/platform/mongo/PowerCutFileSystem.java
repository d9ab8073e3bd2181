package cn.duban.platform.mongo;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An H2 file system ({@code powercut:} before a path) over the real one, in which what H2 writes
 * reaches the file only when it forces it, as a disk behind the operating system's buffers does. Until
 * then every read sees the writes, as through those buffers. {@link Disk#cut} is the power cut: of
 * the writes not yet forced, the disk has taken those it is told to, and no other. Public for H2,
 * which makes one per path by reflection.
 */
public final class PowerCutFileSystem extends FilePathWrapper {
    private static final String SCHEME = "powercut";
    private static final Map<String, Disk> DISKS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new PowerCutFileSystem());
    }

    /** H2 makes one per path, by reflection. */
    public PowerCutFileSystem() {
    }

    /** The name H2 opens {@code file} by through this file system. */
    static String pathOf(java.nio.file.Path file) {
        return pathOf(file.toString());
    }

    static String pathOf(String file) {
        return SCHEME + ":" + file;
    }

    /** The disk under the file last opened at {@code file} through this file system. */
    static Disk diskOf(java.nio.file.Path file) {
        return DISKS.get(FilePath.get(file.toString()).toString());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        Disk disk = new Disk(getBase().open(mode));
        DISKS.put(getBase().toString(), disk);
        return disk;
    }

    /** A write H2 made: where, and what. */
    record Write(long position, byte[] bytes) {
        long end() {
            return position + bytes.length;
        }
    }

    static final class Disk extends FileBaseDefault {
        private final FileChannel file;
        /** Before the cut, what waits for the next force; after it, all the process wrote since the last force, which it still reads. */
        private final List<Write> unforced = new ArrayList<>();
        /** After the cut, how long the process last made the file. */
        private long sizeAfterTheCut = Long.MAX_VALUE;
        private long sizeAtLastForce;
        private long forces;
        private boolean cut;

        private Disk(FileChannel file) throws IOException {
            this.file = file;
            this.sizeAtLastForce = file.size();
        }

        /** How long the file was when it was last forced: the writes below this went over space it already held. */
        synchronized long sizeAtLastForce() {
            return sizeAtLastForce;
        }

        /**
         * The power fails: of the writes not forced, those {@code reachedDisk} accepts are on the disk,
         * in the order they were made; nothing written after this reaches it. The process, which
         * goes on until it is stopped, still reads what it wrote, so that its stop does not fail.
         */
        synchronized void cut(Predicate<Write> reachedDisk) throws IOException {
            for (Write write : unforced) {
                if (reachedDisk.test(write)) {
                    writeThrough(write);
                }
            }
            // Laid over the file in the order made, the writes give back what the process wrote
            // wherever the disk took only some of them.
            cut = true;
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            long size = size();
            if (position >= size) {
                return -1;
            }
            byte[] bytes = new byte[(int) Math.min(dst.remaining(), size - position)];
            ByteBuffer fromFile = ByteBuffer.wrap(bytes);
            while (fromFile.hasRemaining() && file.read(fromFile, position + fromFile.position()) > 0) {
                // the file may end before the writes not forced do: the rest stays zero until they cover it
            }
            for (Write write : unforced) {
                long from = Math.max(position, write.position());
                long to = Math.min(position + bytes.length, write.end());
                if (from < to) {
                    System.arraycopy(write.bytes(), (int) (from - write.position()), bytes, (int) (from - position), (int) (to - from));
                }
            }
            dst.put(bytes);
            return bytes.length;
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) {
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            unforced.add(new Write(position, bytes));
            if (cut) {
                sizeAfterTheCut = Math.max(sizeAfterTheCut, position + bytes.length);
            }
            return bytes.length;
        }

        @Override
        public synchronized long size() throws IOException {
            long size = file.size();
            for (Write write : unforced) {
                size = Math.max(size, write.end());
            }
            return Math.min(size, sizeAfterTheCut);
        }

        /** H2 forces the file right before it shortens it: the shortening counts as forced too. */
        @Override
        protected synchronized void implTruncate(long size) throws IOException {
            if (cut) {
                sizeAfterTheCut = size;
                return;
            }
            force(true);
            file.truncate(size);
            sizeAtLastForce = file.size();
        }

        @Override
        public synchronized void force(boolean metaData) throws IOException {
            if (cut) {
                return;
            }
            for (Write write : unforced) {
                writeThrough(write);
            }
            unforced.clear();
            file.force(metaData);
            sizeAtLastForce = file.size();
            forces++;
            notifyAll();
        }

        /** Returns once the file has been forced {@code count} more times from now. */
        synchronized void awaitForces(int count) throws InterruptedException {
            long until = forces + count;
            while (forces < until) {
                wait();
            }
        }

        private void writeThrough(Write write) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(write.bytes());
            while (bytes.hasRemaining()) {
                file.write(bytes, write.position() + bytes.position());
            }
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        /** A close without a power cut is a process ending: the operating system still writes what it holds. */
        @Override
        protected synchronized void implCloseChannel() throws IOException {
            try {
                force(false);
            } finally {
                file.close();
            }
        }
    }
}
