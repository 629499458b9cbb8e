package dev.shoal.guestagent.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What a log holds beyond the part published before, bounded: when more was written than the bound, the newest bytes
 * from a line's start, the older ones skipped; a line still being written waits for the next part. A file shorter than
 * what was published was rotated, and is read from its start.
 *
 * @param skipped bytes left out between the part before and this one
 */
record LogPart(long from, long to, long skipped, String content, int lines) {

    static LogPart after(Path file, long publishedUpTo, int maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a log part holds at least one byte, not " + maxBytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = publishedUpTo > size || publishedUpTo < 0 ? 0 : publishedUpTo;
            long from = Math.max(start, size - maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // read until the buffer is full: a file that shrank meanwhile ends the loop
            }
            byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
            int begin = 0;
            if (from > start) {
                // the part starts inside a line: it starts at the next one instead
                int newline = indexOf(bytes, 0);
                begin = newline < 0 ? bytes.length : newline + 1;
            }
            int end = lastIndexOf(bytes) + 1;
            if (end <= begin) {
                return new LogPart(from + begin, from + begin, from + begin - start, "", 0);
            }
            String content = new String(bytes, begin, end - begin, StandardCharsets.UTF_8);
            return new LogPart(from + begin, from + end, from + begin - start, content,
                    (int) content.chars().filter(c -> c == '\n').count());
        } catch (NoSuchFileException notWrittenYet) {
            return new LogPart(0, 0, 0, "", 0);
        }
    }

    static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
