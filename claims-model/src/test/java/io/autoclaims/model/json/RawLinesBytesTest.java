package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawLinesBytesTest {

    @Test
    void eachLineIsGivenWithoutItsLineEndBomOrCrAndALineTooLongIsNull() throws Exception {
        byte[] in = "\uFEFF{\"a\":1}\r\n\n0123456789abc\n{\"b\":\"这\"}".getBytes(StandardCharsets.UTF_8);
        RawLines lines = ClaimCodec.create().withMaxLineBytes(12).lines(new ByteArrayInputStream(in)).next(10, 1 << 20);
        assertEquals(4, lines.size());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), lines.lineBytes(0));
        assertArrayEquals(new byte[0], lines.lineBytes(1));
        assertNull(lines.lineBytes(2));
        assertArrayEquals("{\"b\":\"这\"}".getBytes(StandardCharsets.UTF_8), lines.lineBytes(3));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.lineBytes(4));
        byte[] copy = lines.lineBytes(0);
        copy[0] = 'x';
        assertEquals('{', lines.lineBytes(0)[0]);
    }
}
