package com.delivery.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HCL reading for structural checks, without Terraform: top-level blocks with their labels and the
 * attributes written directly in them. Strings, comments and heredocs are masked before braces are counted.
 */
final class Hcl {

    record Block(String type, List<String> labels, String body, Map<String, String> attributes) {

        String label(int i) {
            return i < labels.size() ? labels.get(i) : null;
        }
    }

    private Hcl() {
    }

    /** The text with comments removed (same length) and, in {@code code}, string and heredoc contents blanked too. */
    record Masked(String code, String withoutComments) {
    }

    static Masked mask(String text) {
        char[] code = text.toCharArray();
        char[] noComments = text.toCharArray();
        int i = 0;
        int n = text.length();
        java.util.ArrayDeque<Integer> interpolation = new java.util.ArrayDeque<>(); // brace depth inside ${ }
        boolean inString = false;
        while (i < n) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    blank(code, i, Math.min(i + 2, n));
                    i += 2;
                    continue;
                }
                if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
                    interpolation.push(0);
                    inString = false;
                    blank(code, i, i + 2);
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                    i++;
                    continue;
                }
                blank(code, i, i + 1);
                i++;
                continue;
            }
            if (!interpolation.isEmpty()) {
                if (c == '{') {
                    interpolation.push(interpolation.pop() + 1);
                } else if (c == '}') {
                    int depth = interpolation.pop();
                    if (depth == 0) {
                        inString = true; // back in the enclosing string
                        blank(code, i, i + 1);
                        i++;
                        continue;
                    }
                    interpolation.push(depth - 1);
                }
                // expression inside ${}: blank it in code (it is string content as far as blocks go)
                if (c == '"') {
                    // nested string inside an interpolation
                    int end = i + 1;
                    while (end < n && text.charAt(end) != '"') {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    blank(code, i, Math.min(end + 1, n));
                    i = end + 1;
                    continue;
                }
                blank(code, i, i + 1);
                i++;
                continue;
            }
            if (c == '"') {
                inString = true;
                i++;
                continue;
            }
            if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, i, end);
                blank(noComments, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(code, i, end);
                blank(noComments, i, end);
                i = end;
                continue;
            }
            if (c == '<' && text.startsWith("<<", i)) {
                Matcher heredoc = Pattern.compile("<<-?([A-Z_]+)\\n").matcher(text).region(i, n);
                if (heredoc.lookingAt()) {
                    Matcher close = Pattern.compile("(?m)^\\s*" + heredoc.group(1) + "\\s*$").matcher(text);
                    int end = close.find(heredoc.end()) ? close.end() : n;
                    blank(code, heredoc.end(), end);
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return new Masked(new String(code), new String(noComments));
    }

    private static void blank(char[] chars, int from, int to) {
        for (int k = from; k < to && k < chars.length; k++) {
            if (chars[k] != '\n') {
                chars[k] = ' ';
            }
        }
    }

    private static final Pattern BLOCK_START = Pattern.compile("(?m)^([a-z_]+)((?:\\s+\"[^\"]*\")*)\\s*\\{");
    private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=(?!=)");

    /** Top-level blocks of a file. */
    static List<Block> blocks(String text) {
        Masked masked = mask(text);
        String code = masked.code();
        List<Block> blocks = new ArrayList<>();
        // labels are strings: find block starts in the comment-free text, confirm the brace in the masked one
        Matcher m = BLOCK_START.matcher(masked.withoutComments());
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            if (code.charAt(open) != '{' || depthAt(code, m.start()) != 0) {
                from = m.end();
                continue;
            }
            int close = matching(code, open);
            List<String> labels = new ArrayList<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.add(l.group(1));
            }
            String body = masked.withoutComments().substring(open + 1, close);
            String bodyCode = code.substring(open + 1, close);
            blocks.add(new Block(m.group(1), labels, body, attributes(body, bodyCode)));
            from = close + 1;
        }
        return blocks;
    }

    /** Attributes written at the first level of a block body (name -> raw expression text, first line). */
    private static Map<String, String> attributes(String body, String bodyCode) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(bodyCode);
        while (a.find()) {
            if (depthAt(bodyCode, a.start()) == 0) {
                int lineEnd = body.indexOf('\n', a.end());
                attributes.put(a.group(1), body.substring(a.end(), lineEnd < 0 ? body.length() : lineEnd).trim());
            }
        }
        return attributes;
    }

    private static int depthAt(String code, int position) {
        int depth = 0;
        for (int k = 0; k < position; k++) {
            char c = code.charAt(k);
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            }
        }
        return depth;
    }

    private static int matching(String code, int open) {
        int depth = 0;
        for (int k = open; k < code.length(); k++) {
            char c = code.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalStateException("unbalanced braces from offset " + open);
    }

    /** Names referenced as {@code prefix.name} (var, local, module) outside comments. */
    static Set<String> references(String text, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b" + prefix + "\\.([A-Za-z_][A-Za-z0-9_-]*)").matcher(mask(text).withoutComments());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The string value of an attribute expression {@code "..."}, or null when it is not a plain string. */
    static String string(String expression) {
        Matcher m = Pattern.compile("^\"([^\"]*)\"$").matcher(expression == null ? "" : expression.trim());
        return m.matches() ? m.group(1) : null;
    }
}
