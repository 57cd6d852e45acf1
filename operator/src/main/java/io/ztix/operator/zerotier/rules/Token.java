package io.ztix.operator.zerotier.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One word of a rules script. Words are separated by white space; {@code #} starts a comment to the end of the
 * line when it begins a word; a word ending in {@code ;} closes the current rule ({@code ;} on its own too).
 */
record Token(String text, int line, int column, boolean endsRule) {

    static List<Token> split(String source) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int column = 0;
        StringBuilder word = new StringBuilder();
        int wordLine = 0;
        int wordColumn = 0;
        boolean comment = false;
        for (int i = 0; i <= source.length(); i++) {
            char c = i < source.length() ? source.charAt(i) : '\n';
            column++;
            if (comment) {
                if (c == '\n' || c == '\r') {
                    comment = false;
                }
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    tokens.add(of(word.toString(), wordLine, wordColumn));
                    word.setLength(0);
                }
            } else if (c == '#' && word.isEmpty()) {
                comment = true;
            } else {
                if (word.isEmpty()) {
                    wordLine = line;
                    wordColumn = column;
                }
                word.append(c);
            }
            if (c == '\n') {
                line++;
                column = 0;
            }
        }
        return tokens;
    }

    private static Token of(String word, int line, int column) {
        boolean ends = word.endsWith(";");
        return new Token(ends ? word.substring(0, word.length() - 1) : word, line, column, ends);
    }
}
