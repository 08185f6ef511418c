package io.tidemark.core.logs;

/**
 * The longest piece of plain text that every match of a regular expression must contain, so a search can find candidate
 * lines with a byte search and run the regex only on them ({@code ERROR.*timeout after \d+ms} → "timeout after ").
 */
public final class RequiredLiteral {

    private RequiredLiteral() {
    }

    /** The required text of {@code regex} (java.util.regex syntax), or null when no text is required. */
    public static String of(String regex) {
        if (regex.contains("(?")) {
            return null; // inline flags and look-arounds change what a literal means; scan every line instead
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '|':
                    return null; // an alternative at the top level: no text is common to every match
                case '\\': {
                    if (i + 1 >= n) {
                        return null;
                    }
                    char e = regex.charAt(i + 1);
                    if (e == 'Q') {
                        int end = regex.indexOf("\\E", i + 2);
                        String quoted = end < 0 ? regex.substring(i + 2) : regex.substring(i + 2, end);
                        i = end < 0 ? n : end + 2;
                        if (i < n && isQuantifier(regex.charAt(i))) {
                            best = longer(best, run.append(quoted, 0, Math.max(0, quoted.length() - 1)).toString());
                            run.setLength(0);
                        } else {
                            run.append(quoted);
                        }
                        continue;
                    }
                    i += 2;
                    if (Character.isLetterOrDigit(e)) {
                        char literal = switch (e) {
                            case 't' -> '\t';
                            default -> 0;
                        };
                        if (literal == 0) {
                            best = longer(best, run.toString());
                            run.setLength(0);
                            continue;
                        }
                        c = literal;
                    } else {
                        c = e;
                    }
                    i = appendLiteral(regex, i, c, run);
                    if (i < 0) {
                        best = longer(best, run.toString());
                        run.setLength(0);
                        i = -i - 1;
                    }
                    continue;
                }
                case '[':
                    best = longer(best, run.toString());
                    run.setLength(0);
                    i = skipQuantifier(regex, skipClass(regex, i));
                    continue;
                case '(': {
                    best = longer(best, run.toString());
                    run.setLength(0);
                    int close = closingParen(regex, i);
                    if (close < 0) {
                        return null;
                    }
                    i = skipQuantifier(regex, close + 1);
                    continue;
                }
                case '.', '^', '$':
                    best = longer(best, run.toString());
                    run.setLength(0);
                    i = skipQuantifier(regex, i + 1);
                    continue;
                case '*', '+', '?', '{':
                    best = longer(best, run.toString());
                    run.setLength(0);
                    i = skipQuantifier(regex, i);
                    if (i == -1) {
                        return null;
                    }
                    continue;
                default:
                    i = appendLiteral(regex, i + 1, c, run);
                    if (i < 0) {
                        best = longer(best, run.toString());
                        run.setLength(0);
                        i = -i - 1;
                    }
            }
        }
        best = longer(best, run.toString());
        return best.isEmpty() ? null : best;
    }

    /**
     * Adds literal {@code c} (whose text ends before {@code next}) to the run, looking at the quantifier after it. Returns
     * where to go on, or {@code -(where) - 1} when the run must end there (after the char when it is repeated, without it
     * when it may be absent).
     */
    private static int appendLiteral(String regex, int next, char c, StringBuilder run) {
        if (next < regex.length() && isQuantifier(regex.charAt(next))) {
            char q = regex.charAt(next);
            boolean required = q == '+' || (q == '{' && next + 1 < regex.length() && regex.charAt(next + 1) != '0'
                    && regex.charAt(next + 1) != ',');
            if (required) {
                run.append(c);
            }
            int after = skipQuantifier(regex, next);
            return -(after < 0 ? regex.length() : after) - 1;
        }
        run.append(c);
        return next;
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    private static int skipQuantifier(String regex, int i) {
        if (i >= regex.length()) {
            return i;
        }
        char c = regex.charAt(i);
        if (c == '{') {
            int close = regex.indexOf('}', i);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        } else if (c == '*' || c == '+' || c == '?') {
            i++;
        } else {
            return i;
        }
        if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
            i++; // lazy or possessive
        }
        return i;
    }

    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < regex.length() && depth > 0) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            i++;
        }
        return i;
    }

    private static int closingParen(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(regex, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    private static String longer(String a, String b) {
        return b.length() > a.length() ? b : a;
    }
}
