package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG path data ("M 10 20 l 5 0 a 3 3 0 1 0 6 0 Z") turned into absolute segments that any drawer can
 * follow: move, line, cubic Bézier and close. Relative commands become absolute, repeated parameters
 * after a command repeat it (after a move they are lines), H and V become lines, quadratic curves and
 * elliptical arcs become cubic curves.
 *
 * <p>Supported commands are those the illustrations use: M, L, H, V, C, Q, A and Z, each in upper case
 * (absolute) or lower case (relative). Anything else is refused with an {@link IllegalArgumentException}
 * that names the position, so a bad drawing fails in the tests rather than on paper.
 */
public final class SvgPath {

    /** The commands this parser accepts. */
    public static final String COMMANDS = "MmLlHhVvCcQqAaZz";

    /** One absolute piece of a path. */
    public sealed interface Segment permits MoveTo, LineTo, CubicTo, Close {
    }

    /** Starts a new subpath at (x, y). */
    public record MoveTo(double x, double y) implements Segment {
    }

    /** A straight line from the current point to (x, y). */
    public record LineTo(double x, double y) implements Segment {
    }

    /** A cubic Bézier from the current point through the control points (x1, y1), (x2, y2) to (x, y). */
    public record CubicTo(double x1, double y1, double x2, double y2, double x, double y) implements Segment {
    }

    /** Closes the subpath with a line back to its start; the current point becomes that start. */
    public record Close() implements Segment {
    }

    /** The smallest box holding every point the path passes through (not its control points). */
    public record Bounds(double minX, double minY, double maxX, double maxY) {

        public boolean within(double left, double top, double right, double bottom) {
            return minX >= left && minY >= top && maxX <= right && maxY <= bottom;
        }

        Bounds union(Bounds other) {
            if (other == null) {
                return this;
            }
            return new Bounds(Math.min(minX, other.minX), Math.min(minY, other.minY),
                    Math.max(maxX, other.maxX), Math.max(maxY, other.maxY));
        }
    }

    private static final Close CLOSE = new Close();

    private SvgPath() {
    }

    /** The path data as absolute segments; empty or blank data gives an empty list. */
    public static List<Segment> parse(String data) {
        return new Parser(data).parse();
    }

    /**
     * The exact bounds of the path's outline (curve extremes, not control points), or null when the
     * path is empty.
     */
    public static Bounds bounds(List<Segment> segments) {
        Bounds box = null;
        double x = 0;
        double y = 0;
        for (Segment segment : segments) {
            if (segment instanceof MoveTo m) {
                box = point(m.x(), m.y()).union(box);
                x = m.x();
                y = m.y();
            } else if (segment instanceof LineTo l) {
                box = point(l.x(), l.y()).union(box);
                x = l.x();
                y = l.y();
            } else if (segment instanceof CubicTo c) {
                double[] xs = cubicRange(x, c.x1(), c.x2(), c.x());
                double[] ys = cubicRange(y, c.y1(), c.y2(), c.y());
                box = new Bounds(xs[0], ys[0], xs[1], ys[1]).union(box);
                x = c.x();
                y = c.y();
            }
            // Close draws a line back to a point that is already inside the box.
        }
        return box;
    }

    /** Bounds of path data; shorthand for {@code bounds(parse(data))}. */
    public static Bounds bounds(String data) {
        return bounds(parse(data));
    }

    /** The point of a cubic Bézier at parameter t (0–1) along one axis. */
    public static double cubicAt(double p0, double p1, double p2, double p3, double t) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    private static Bounds point(double x, double y) {
        return new Bounds(x, y, x, y);
    }

    /** Min and max of a one-dimensional cubic Bézier on [0, 1]: the ends and where the derivative is zero. */
    private static double[] cubicRange(double p0, double p1, double p2, double p3) {
        double min = Math.min(p0, p3);
        double max = Math.max(p0, p3);
        // B'(t)/3 = a t² + b t + c
        double a = -p0 + 3 * p1 - 3 * p2 + p3;
        double b = 2 * (p0 - 2 * p1 + p2);
        double c = p1 - p0;
        List<Double> roots = new ArrayList<>(2);
        if (Math.abs(a) < 1e-12) {
            if (Math.abs(b) > 1e-12) {
                roots.add(-c / b);
            }
        } else {
            double discriminant = b * b - 4 * a * c;
            if (discriminant >= 0) {
                double root = Math.sqrt(discriminant);
                roots.add((-b + root) / (2 * a));
                roots.add((-b - root) / (2 * a));
            }
        }
        for (double t : roots) {
            if (t > 0 && t < 1) {
                double v = cubicAt(p0, p1, p2, p3, t);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    /** Reads one path data string; not thread-safe, one per call. */
    private static final class Parser {

        private final String data;
        private int pos;
        private final List<Segment> out = new ArrayList<>();
        private double x;
        private double y;
        private double startX;
        private double startY;

        Parser(String data) {
            this.data = data == null ? "" : data;
        }

        List<Segment> parse() {
            skipSeparators();
            if (pos >= data.length()) {
                return List.of();
            }
            char command = data.charAt(pos);
            if (command != 'M' && command != 'm') {
                throw error("path data must start with M or m");
            }
            while (true) {
                skipSeparators();
                if (pos >= data.length()) {
                    break;
                }
                char c = data.charAt(pos);
                if (!Character.isLetter(c)) {
                    throw error("expected a command");
                }
                if (COMMANDS.indexOf(c) < 0) {
                    throw error("unsupported command '" + c + "'");
                }
                pos++;
                command(c);
            }
            return List.copyOf(out);
        }

        private void command(char command) {
            boolean relative = Character.isLowerCase(command);
            switch (Character.toUpperCase(command)) {
                case 'Z' -> {
                    out.add(CLOSE);
                    x = startX;
                    y = startY;
                }
                case 'M' -> {
                    boolean first = true;
                    do {
                        double nx = number();
                        double ny = number();
                        if (relative) {
                            nx += x;
                            ny += y;
                        }
                        if (first) {
                            out.add(new MoveTo(nx, ny));
                            startX = nx;
                            startY = ny;
                            first = false;
                        } else {
                            out.add(new LineTo(nx, ny));
                        }
                        x = nx;
                        y = ny;
                    } while (numberFollows());
                }
                case 'L' -> {
                    do {
                        double nx = number();
                        double ny = number();
                        lineTo(relative ? x + nx : nx, relative ? y + ny : ny);
                    } while (numberFollows());
                }
                case 'H' -> {
                    do {
                        double nx = number();
                        lineTo(relative ? x + nx : nx, y);
                    } while (numberFollows());
                }
                case 'V' -> {
                    do {
                        double ny = number();
                        lineTo(x, relative ? y + ny : ny);
                    } while (numberFollows());
                }
                case 'C' -> {
                    do {
                        double x1 = number();
                        double y1 = number();
                        double x2 = number();
                        double y2 = number();
                        double nx = number();
                        double ny = number();
                        if (relative) {
                            x1 += x;
                            y1 += y;
                            x2 += x;
                            y2 += y;
                            nx += x;
                            ny += y;
                        }
                        out.add(new CubicTo(x1, y1, x2, y2, nx, ny));
                        x = nx;
                        y = ny;
                    } while (numberFollows());
                }
                case 'Q' -> {
                    do {
                        double qx = number();
                        double qy = number();
                        double nx = number();
                        double ny = number();
                        if (relative) {
                            qx += x;
                            qy += y;
                            nx += x;
                            ny += y;
                        }
                        out.add(new CubicTo(
                                x + 2.0 / 3.0 * (qx - x), y + 2.0 / 3.0 * (qy - y),
                                nx + 2.0 / 3.0 * (qx - nx), ny + 2.0 / 3.0 * (qy - ny),
                                nx, ny));
                        x = nx;
                        y = ny;
                    } while (numberFollows());
                }
                case 'A' -> {
                    do {
                        double rx = number();
                        double ry = number();
                        double rotation = number();
                        boolean largeArc = flag();
                        boolean sweep = flag();
                        double nx = number();
                        double ny = number();
                        if (relative) {
                            nx += x;
                            ny += y;
                        }
                        arcTo(rx, ry, rotation, largeArc, sweep, nx, ny);
                    } while (numberFollows());
                }
                default -> throw error("unsupported command '" + command + "'");
            }
        }

        private void lineTo(double nx, double ny) {
            out.add(new LineTo(nx, ny));
            x = nx;
            y = ny;
        }

        /**
         * An elliptical arc from the current point, converted from endpoint to centre form (SVG 1.1
         * implementation notes F.6.5, with radii scaled up when too small, F.6.6) and drawn as cubic
         * curves of at most 90° each.
         */
        private void arcTo(double rx, double ry, double rotationDegrees, boolean largeArc, boolean sweep,
                double nx, double ny) {
            double x0 = x;
            double y0 = y;
            x = nx;
            y = ny;
            if (x0 == nx && y0 == ny) {
                return; // same end points: the arc is omitted
            }
            rx = Math.abs(rx);
            ry = Math.abs(ry);
            if (rx == 0 || ry == 0) {
                out.add(new LineTo(nx, ny));
                return;
            }
            double phi = Math.toRadians(rotationDegrees % 360);
            double cos = Math.cos(phi);
            double sin = Math.sin(phi);
            double dx = (x0 - nx) / 2;
            double dy = (y0 - ny) / 2;
            double x1p = cos * dx + sin * dy;
            double y1p = -sin * dx + cos * dy;
            double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
            if (lambda > 1) {
                double scale = Math.sqrt(lambda);
                rx *= scale;
                ry *= scale;
            }
            double rx2 = rx * rx;
            double ry2 = ry * ry;
            double numerator = rx2 * ry2 - rx2 * y1p * y1p - ry2 * x1p * x1p;
            double denominator = rx2 * y1p * y1p + ry2 * x1p * x1p;
            double coefficient = Math.sqrt(Math.max(0, numerator / denominator));
            if (largeArc == sweep) {
                coefficient = -coefficient;
            }
            double cxp = coefficient * rx * y1p / ry;
            double cyp = -coefficient * ry * x1p / rx;
            double cx = cos * cxp - sin * cyp + (x0 + nx) / 2;
            double cy = sin * cxp + cos * cyp + (y0 + ny) / 2;

            double theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
            double delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
            if (!sweep && delta > 0) {
                delta -= 2 * Math.PI;
            } else if (sweep && delta < 0) {
                delta += 2 * Math.PI;
            }

            int pieces = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9);
            pieces = Math.max(1, pieces);
            double step = delta / pieces;
            double k = 4.0 / 3.0 * Math.tan(step / 4);
            double t = theta1;
            for (int i = 0; i < pieces; i++) {
                double t2 = t + step;
                double cos1 = Math.cos(t);
                double sin1 = Math.sin(t);
                double cos2 = Math.cos(t2);
                double sin2 = Math.sin(t2);
                // Unit-circle control points, then scaled, rotated and moved onto the ellipse.
                double[] c1 = onEllipse(cos1 - k * sin1, sin1 + k * cos1, rx, ry, cos, sin, cx, cy);
                double[] c2 = onEllipse(cos2 + k * sin2, sin2 - k * cos2, rx, ry, cos, sin, cx, cy);
                double[] end = i == pieces - 1 ? new double[] {nx, ny}
                        : onEllipse(cos2, sin2, rx, ry, cos, sin, cx, cy);
                out.add(new CubicTo(c1[0], c1[1], c2[0], c2[1], end[0], end[1]));
                t = t2;
            }
        }

        private static double[] onEllipse(double ux, double uy, double rx, double ry, double cos, double sin,
                double cx, double cy) {
            double ex = ux * rx;
            double ey = uy * ry;
            return new double[] {cos * ex - sin * ey + cx, sin * ex + cos * ey + cy};
        }

        /** The signed angle from vector u to vector v, in (−π, π]. */
        private static double angle(double ux, double uy, double vx, double vy) {
            return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
        }

        private void skipSeparators() {
            while (pos < data.length()) {
                char c = data.charAt(pos);
                if (c == ',' || Character.isWhitespace(c)) {
                    pos++;
                } else {
                    break;
                }
            }
        }

        /** Whether another parameter follows (so the last command repeats). */
        private boolean numberFollows() {
            skipSeparators();
            if (pos >= data.length()) {
                return false;
            }
            char c = data.charAt(pos);
            return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9');
        }

        /** An arc flag: a single '0' or '1', which may be written without a separator after it. */
        private boolean flag() {
            skipSeparators();
            if (pos >= data.length()) {
                throw error("expected an arc flag (0 or 1)");
            }
            char c = data.charAt(pos);
            if (c != '0' && c != '1') {
                throw error("expected an arc flag (0 or 1)");
            }
            pos++;
            return c == '1';
        }

        /** A number: sign, digits, optional fraction, optional exponent ("-.5", "1e-3", ".5.5" is two). */
        private double number() {
            skipSeparators();
            int begin = pos;
            if (pos < data.length() && (data.charAt(pos) == '+' || data.charAt(pos) == '-')) {
                pos++;
            }
            int digits = skipDigits();
            if (pos < data.length() && data.charAt(pos) == '.') {
                pos++;
                digits += skipDigits();
            }
            if (digits == 0) {
                pos = begin;
                throw error("expected a number");
            }
            if (pos < data.length() && (data.charAt(pos) == 'e' || data.charAt(pos) == 'E')) {
                int mark = pos;
                pos++;
                if (pos < data.length() && (data.charAt(pos) == '+' || data.charAt(pos) == '-')) {
                    pos++;
                }
                if (skipDigits() == 0) {
                    pos = mark; // not an exponent after all
                }
            }
            double value = Double.parseDouble(data.substring(begin, pos));
            if (!Double.isFinite(value)) {
                pos = begin;
                throw error("number out of range");
            }
            return value;
        }

        private int skipDigits() {
            int count = 0;
            while (pos < data.length() && data.charAt(pos) >= '0' && data.charAt(pos) <= '9') {
                pos++;
                count++;
            }
            return count;
        }

        private IllegalArgumentException error(String what) {
            String near = data.substring(pos, Math.min(data.length(), pos + 12));
            return new IllegalArgumentException(String.format(Locale.ROOT, "SVG path data: %s at position %d (near \"%s\")",
                    what, pos, near));
        }
    }
}
