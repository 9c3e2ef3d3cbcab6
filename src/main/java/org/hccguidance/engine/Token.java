package org.hccguidance.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A word, number, literal or punctuation mark of rule text, with its line. Comments are dropped and
 * literals kept as single tokens, so the rule policy looks only at what the compiler reads as code.
 * Both quote kinds open a literal: DRL accepts 'single-quoted' strings and Java has char literals.
 */
record Token(Kind kind, String text, int line) {

    enum Kind { WORD, NUMBER, LITERAL, PUNCT }

    private static final String[] OPERATORS = {">>>=", "<<=", ">>=", "->", "::", "==", "!=", "<=", ">=", "&&", "||",
            "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="};

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    boolean isPunct(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    static List<Token> lex(String src) {
        List<Token> out = new ArrayList<>();
        int n = src.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int start = line;
                i += 2;
                while (i < n && !(src.charAt(i) == '*' && i + 1 < n && src.charAt(i + 1) == '/')) {
                    if (src.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                if (i >= n) {
                    throw new UnterminatedLiteral(start);
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                int start = line;
                i++;
                while (i < n && src.charAt(i) != c) {
                    if (src.charAt(i) == '\\') {
                        i++;
                    }
                    if (i < n && src.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                if (i >= n) {
                    throw new UnterminatedLiteral(start);
                }
                i++;
                out.add(new Token(Kind.LITERAL, "", start));
            } else if (Character.isJavaIdentifierStart(c)) {
                int s = i;
                while (i < n && Character.isJavaIdentifierPart(src.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, src.substring(s, i), line));
            } else if (Character.isDigit(c)) {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                        || (src.charAt(i) == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, src.substring(s, i), line));
            } else {
                String op = String.valueOf(c);
                for (String candidate : OPERATORS) {
                    if (src.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                out.add(new Token(Kind.PUNCT, op, line));
                i += op.length();
            }
        }
        return out;
    }

    static final class UnterminatedLiteral extends RuntimeException {

        final int line;

        UnterminatedLiteral(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
