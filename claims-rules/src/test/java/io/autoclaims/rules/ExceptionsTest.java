package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimsException;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.testing.PublicApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One base type for every exception the library throws for a reason of its own. */
class ExceptionsTest {

    @Test
    void everyExceptionOfThePublicApiIsAClaimsException() {
        List<Class<?>> exceptions = PublicApi.types().stream().filter(Throwable.class::isAssignableFrom).toList();
        assertEquals(List.of("io.autoclaims.model.ClaimsException", "io.autoclaims.model.InvalidClaimException",
                "io.autoclaims.rules.OutputFailedException", "io.autoclaims.rules.RulebookArchiveException",
                "io.autoclaims.rules.RulebookException", "io.autoclaims.rules.UnsupportedClaimException"),
                exceptions.stream().map(Class::getName).toList());
        for (Class<?> e : exceptions) {
            assertTrue(ClaimsException.class.isAssignableFrom(e), e.getName());
        }
        assertTrue(Modifier.isAbstract(ClaimsException.class.getModifiers()));
        assertTrue(RuntimeException.class.isAssignableFrom(ClaimsException.class), "unchecked");
    }

    @Test
    void aClaimThatBreaksTheContractIsAnInvalidClaimExceptionOfTheModelPackage() {
        InvalidClaimException e = assertThrows(InvalidClaimException.class,
                () -> ClaimCodec.create().readClaim("{\"claimId\":\"X\"}"));
        assertInstanceOf(ClaimsException.class, e);
        assertEquals("MISSING_FIELD", e.error().code());
        assertEquals("type", e.error().field());
        assertEquals("MISSING_FIELD type: required field \"type\" is missing", e.getMessage());
    }

    @Test
    void aRulebookThatDoesNotLoadIsAClaimsException() {
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))));
        assertInstanceOf(ClaimsException.class, e);
        assertFalse(e.errors().isEmpty());
    }

    @Test
    void aFailedWriteIsAClaimsExceptionWhoseCauseIsTheIoException() {
        IOException full = new IOException("No space left on device");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw full;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw full;
            }
        };
        String claim = "{\"claimId\":\"W-1\"}"; // an error record is a record to write too
        OutputFailedException e = assertThrows(OutputFailedException.class, () -> Adjudicator.of(Rulebook.loadDefault())
                .adjudicateJsonLines(new ByteArrayInputStream((claim + "\n").getBytes(StandardCharsets.UTF_8)), failing));
        assertInstanceOf(ClaimsException.class, e);
        assertFalse(UncheckedIOException.class.isInstance(e), "a ClaimsException, no longer an UncheckedIOException");
        assertSame(full, e.getCause());
        assertEquals(0, e.linesWritten());
        assertEquals("writing the records failed after line 0: No space left on device", e.getMessage());
    }
}
