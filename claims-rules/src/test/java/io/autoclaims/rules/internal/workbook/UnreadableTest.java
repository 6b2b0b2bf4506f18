package io.autoclaims.rules.internal.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.zip.ZipException;
import org.apache.poi.EncryptedDocumentException;
import org.junit.jupiter.api.Test;

/** The reason is found along the cause chain, the most specific first, and the walk always ends. */
class UnreadableTest {
    @Test
    void aKnownCauseDeepInTheChainIsTheReason() {
        Throwable failure = new IllegalStateException("outer", new IOException("middle", new ZipException("inner")));
        assertSame(Unreadable.DAMAGED_ZIP, Unreadable.why(failure));
    }

    @Test
    void theOutermostKnownKindWins() {
        Throwable failure = new EncryptedDocumentException("outer", new ZipException("inner"));
        assertSame(Unreadable.ENCRYPTED, Unreadable.why(failure));
    }

    @Test
    void aCauseChainThatLoopsEndsAsDamaged() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        a.initCause(b);
        b.initCause(a);
        assertEquals(Unreadable.DAMAGED, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Unreadable.why(a)));
    }
}
