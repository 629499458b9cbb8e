package dev.shoal.guestagent.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log's new part: whole lines only, never more than the bound, the newest kept, a rotated file read again. */
class LogPartTest {

    @TempDir
    Path dir;

    @Test
    void aPartHoldsTheWholeLinesWrittenSinceTheLastAndALineBeingWrittenWaits() throws Exception {
        Path log = write("one\ntwo\nthr");

        LogPart first = LogPart.after(log, 0, 1024);
        assertThat(first.content()).isEqualTo("one\ntwo\n");
        assertThat(first.lines()).isEqualTo(2);
        assertThat(first.to()).isEqualTo(8);

        Files.writeString(log, "ee\nfour\n", StandardOpenOption.APPEND);
        LogPart second = LogPart.after(log, first.to(), 1024);
        assertThat(second.content()).isEqualTo("three\nfour\n");
        assertThat(second.from()).isEqualTo(8);
        assertThat(second.skipped()).isZero();
        assertThat(LogPart.after(log, second.to(), 1024).content()).isEmpty();
    }

    @Test
    void morePendingThanTheBoundKeepsTheNewestLinesAndSaysWhatItSkipped() throws Exception {
        Path log = write("a".repeat(100) + "\n" + "b".repeat(10) + "\n" + "c".repeat(10) + "\n");

        LogPart part = LogPart.after(log, 0, 30);

        assertThat(part.content()).isEqualTo("b".repeat(10) + "\n" + "c".repeat(10) + "\n");
        assertThat(part.skipped()).as("the long line, cut by the bound, is left out whole").isEqualTo(101);
        assertThat(part.to()).isEqualTo(Files.size(log));
    }

    @Test
    void aFileShorterThanWhatWasPublishedWasRotatedAndIsReadFromItsStart() throws Exception {
        Path log = write("after rotation\n");

        LogPart part = LogPart.after(log, 5000, 1024);

        assertThat(part.content()).isEqualTo("after rotation\n");
        assertThat(part.from()).isZero();
    }

    @Test
    void aLogNotWrittenYetHasAnEmptyPart() throws Exception {
        LogPart part = LogPart.after(dir.resolve("absent.log"), 0, 1024);

        assertThat(part.content()).isEmpty();
        assertThat(part.to()).isZero();
        assertThat(LogPart.sizeOf(dir.resolve("absent.log"))).isZero();
    }

    private Path write(String content) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, content);
        return log;
    }
}
