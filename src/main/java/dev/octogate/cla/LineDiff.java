package dev.octogate.cla;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for the admin's preview of a new
 * version. Texts too long to compare line by line ({@link #MAX_CELLS}) are shown as replaced whole.
 */
public final class LineDiff {

    /** What happened to one line. */
    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
    }

    /** Lines of the old text times lines of the new: beyond this, no line-by-line comparison. */
    static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : TextHash.normalize(before).split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : TextHash.normalize(after).split("\n", -1);
        List<Line> lines = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String line : a) {
                lines.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                lines.add(new Line(Kind.ADDED, line));
            }
            return lines;
        }
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Kind.ADDED, b[j++]));
        }
        return Collections.unmodifiableList(lines);
    }
}
