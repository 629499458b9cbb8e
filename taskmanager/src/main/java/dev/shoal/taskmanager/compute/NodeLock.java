package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock on a node's directory that every change to its processes holds, across the task managers sharing the work
 * directory: without it one could start a guest again while another destroys the node, leaving a guest behind.
 */
final class NodeLock implements AutoCloseable {

    static final String FILE_NAME = "node.lock";
    private static final int IN_PROCESS_ATTEMPTS = 300;

    private final FileChannel channel;
    private final FileLock lock;

    private NodeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock, creating its file in the node's directory if need be. */
    static NodeLock create(Path nodeDir) throws IOException {
        FileChannel channel = FileChannel.open(nodeDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            return new NodeLock(channel, lock(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A lock held by another channel of this process is not waited for by the kernel, so it is waited for here. */
    private static FileLock lock(FileChannel channel) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                if (attempt == IN_PROCESS_ATTEMPTS) {
                    throw new IOException("the node's lock is held in this process for too long", heldInThisProcess);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the node's lock");
                }
            }
        }
    }

    /**
     * The lock if it is free now; empty when someone else holds it or the node has no lock file: a keeper never
     * creates a file in a directory a destroy may be deleting.
     */
    static Optional<NodeLock> tryExisting(Path nodeDir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(nodeDir.resolve(FILE_NAME), StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new NodeLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // another driver of this process holds it
        }
        channel.close();
        return Optional.empty();
    }

    /** For a directory made before nodes had a lock file. */
    static void ensureFile(Path nodeDir) throws IOException {
        try {
            Files.createFile(nodeDir.resolve(FILE_NAME));
        } catch (FileAlreadyExistsException exists) {
            // as wanted
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
