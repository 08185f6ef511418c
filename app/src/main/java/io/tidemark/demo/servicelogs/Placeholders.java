package io.tidemark.demo.servicelogs;

/** Receives the value for one $placeholder. */
interface Placeholders {
    void fill(String token, StringBuilder out);

    /** Copies template into out, replacing each $name (a lowercase word) with what the placeholders give. */
    static void expand(StringBuilder out, String template, Placeholders placeholders) {
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < n && Character.isLowerCase(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLowerCase(template.charAt(j)) || Character.isDigit(template.charAt(j)))) {
                    j++;
                }
                placeholders.fill(template.substring(i + 1, j), out);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
    }
}
