package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.InputError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line that is not JSON, or not a usable one, gets an error record in the codec's own words and
 * columns (characters from 1), never the parser's text: Jackson's words and columns changed between
 * releases (issue #15: "(column 1)" under 2.15, "(column 5)" under 2.16 for the same line).
 */
class JsonSyntaxTest {

    private static InputError error(String line) {
        ReadResult r = Samples.CODEC.read(line, 1);
        assertTrue(r instanceof ReadResult.Failed, line + " read as " + r);
        return ((ReadResult.Failed) r).error().error();
    }

    private static String message(String line) {
        InputError e = error(line);
        assertEquals("INVALID_JSON", e.code(), e.toString());
        return e.message();
    }

    @Test
    void syntaxProblemsInTheCodecsWords() {
        assertEquals("not valid JSON: expected a value, got the word 'not' (JSON's words are true, false and null)"
                + " (column 1)", message("not json"));
        assertEquals("not valid JSON: the line ends inside an object (column 19)", message("{\"claimId\": \"W-1\","));
        assertEquals("not valid JSON: expected a value, got '}' (column 28)", message("{\"claimId\": \"W-1\", \"type\": }"));
        assertEquals("not valid JSON: expected a value, got a single quote (JSON strings take double quotes) (column 13)",
                message("{\"claimId\": 'W-1'}"));
        assertEquals("not valid JSON: a number may not start with 0 followed by more digits (column 7)", message("{\"a\": 01}"));
        assertEquals("not valid JSON: expected a value, got ']' (column 13)", message("{\"a\": [1, 2,]}"));
        assertEquals("not valid JSON: expected a field name in double quotes, got '}' (column 9)", message("{\"a\": 1,}"));
        assertEquals("not valid JSON: expected ':' after the field name, got '1' (column 6)", message("{\"a\" 1}"));
        assertEquals("not valid JSON: a string holds a tab as it is; write it as \\t (column 9)", message("{\"a\": \"x\ty\"}"));
        assertEquals("not valid JSON: a number needs a digit after the decimal point, got '}' (column 9)",
                message("{\"a\": 1.}"));
        assertEquals("not valid JSON: a \\u escape needs four hexadecimal digits, got 'G' (column 8)",
                message("{\"a\": \"\\u12G4\"}"));
        assertEquals("not valid JSON: expected ',' or ']' after the array element, got 'x' (column 9)",
                message("{\"a\": [1x]}"));
        assertEquals("not valid JSON: expected a space or the end of the line after the number, got 'x' (column 3)",
                message("42x"));
    }

    @Test
    void columnsCountCharactersNotBytes() {
        // 中文 is six bytes; the '?' is the 37th character
        assertEquals("not valid JSON: expected a field name in double quotes, got '?' (column 37)",
                message("{\"claimId\":\"中文\",\"type\":\"WARRANTY\",  ?}"));
    }

    @Test
    void moreContentKeepsItsColumn() {
        // as every release before gave it (Jackson's position after the extra content's first token)
        assertEquals("expected one JSON object, got more content after it at column 5", message("{} {}"));
        assertEquals("expected one JSON object, got more content after it at column 7", message("{} 123"));
        assertEquals("expected one JSON object, got more content after it at column 7", message("{} -5 "));
        assertEquals("expected one JSON object, got more content after it at column 8", message("{} true"));
        assertEquals("expected one JSON object, got more content after it at column 12", message("{}   12.5e3"));
        assertEquals("expected one JSON object, got more content after it at column 5", message("{} \"abc"));
        assertEquals("not valid JSON: expected the end of the line after the JSON value, got '}' (column 4)",
                message("{} }"));
    }

    @Test
    void limitsInTheCodecsWords() {
        String deep = "{\"claimId\":\"W-9\",\"extensions\":{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}}";
        assertEquals("not valid JSON: the JSON nests deeper than 1000 levels (column 1034)", message(deep));
        String notDeep = "{\"claimId\":\"W-9\",\"extensions\":{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}}";
        assertEquals("MISSING_FIELD", error(notDeep).code(), "1000 levels are read");
        assertEquals("not a usable JSON number: it has 1,001 digits; at most 1,000 are read (column 36)",
                message("{\"claimId\":\"W-9\",\"extensions\":{\"n\":-" + "1".repeat(1001) + "}}"));
        assertEquals("MISSING_FIELD", error("{\"claimId\":\"W-9\",\"extensions\":{\"n\":-" + "1".repeat(1000) + "}}").code());
        assertEquals("not a usable JSON number: it has 1,001 digits after its decimal point; at most 1,000 are read"
                + " (column 36)", message("{\"claimId\":\"W-9\",\"extensions\":{\"n\":0." + "5".repeat(1001) + "}}"));
        assertEquals("not a usable JSON number: the exponent of 1e9999999999 is beyond the range of a decimal number"
                + " (column 31)", message("{\"claimId\":\"W-9\",\"odometerKm\":1e9999999999}"));
        assertEquals("not valid JSON: a field name of 50,001 characters; at most 50,000 are read (column 32)",
                message("{\"claimId\":\"W-9\",\"extensions\":{\"" + "n".repeat(50_001) + "\":1}}"));
        assertEquals("MISSING_FIELD",
                error("{\"claimId\":\"W-9\",\"extensions\":{\"" + "n".repeat(50_000) + "\":1}}").code());
    }

    @Test
    void noRecordCarriesTheParsersWords() {
        for (String line : List.of("not json", "{\"a\": NaN}", "{\"a\": +1}", "{\"a\": \"\\x\"}", "  {\"claimId\": \"W-1\"  ",
                "{\"a\": -}", "{\"a\": 1e}", "{\"claimId\":\"W-9\",\"extensions\":{\"n\":1.5e-2147483648}}", "[1,2", "{\"a\":tru}")) {
            String m = message(line);
            for (String jackson : List.of("Unexpected", "Unrecognized", "was expecting", "code ", "Source:", "REDACTED",
                    "StreamReadConstraints", "JsonReadFeature", "java.math", "deserialized", "end-of-input", "marker")) {
                assertFalse(m.contains(jackson), line + " -> " + m);
            }
            assertTrue(m.matches(".*\\(column \\d+\\)"), line + " -> " + m);
        }
    }

    @Test
    void theGrammarAcceptsWhatTheParserAccepts() {
        for (String line : List.of("{}", "[]", "{\"a\":[1,-2.5e+3,0,0.0,\"\\u00e9\\n\",true,false,null,{}]}", " \t{ } ", "0", "\"x\"")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertNull(JsonSyntax.problem(b, 0, b.length), line);
        }
    }
}
