package io.tidemark.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
        "timeout after [0-9]+ms;'timeout after '",
        "ERROR.*timeout;timeout",
        "a;a",
        "abc?d;ab",
        "abc+d;abc",
        "colou?r;colo",
        "(foo|bar)baz;baz",
        "foo|bar;NULL",
        "\\d+ rows;' rows'",
        "\\.log\\.1;.log.1",
        "x{0,3}yz;yz",
        "[abc]def;def",
        "(?i)abc;NULL",
        "\\Qa.b\\E;a.b",
        "status=5\\d\\d;status=5",
    })
    void theLongestRequiredTextIsFound(String regex, String literal) {
        assertThat(RequiredLiteral.of(regex)).isEqualTo(literal);
    }

    @Test
    void everyMatchContainsTheLiteral() {
        Random random = new Random(1);
        String[] pieces = {"a", "b", "ab", "a?", "b+", "[ab]", ".", "(a|b)", "c*", "\\.", "x{2}", "y{0,2}", "z+?"};
        String alphabet = "abcxyz.";
        for (int i = 0; i < 3000; i++) {
            StringBuilder regex = new StringBuilder();
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                regex.append(pieces[random.nextInt(pieces.length)]);
            }
            String literal = RequiredLiteral.of(regex.toString());
            Pattern p = Pattern.compile(regex.toString());
            for (int t = 0; t < 40; t++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < random.nextInt(12); k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (literal != null && p.matcher(text).find()) {
                    assertThat(text.toString()).as("%s in %s", literal, regex).contains(literal);
                }
            }
        }
    }
}
