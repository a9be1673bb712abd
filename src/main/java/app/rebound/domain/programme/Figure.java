package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny stick-figure sketcher for the exercise illustrations. A {@link Body} is posed by its joints
 * (hip, torso angle, head, and for each limb the point it reaches: knees and elbows are placed by
 * two-bone inverse kinematics, so limbs always keep their lengths and stay attached). Props (floor,
 * chair, step, wall, mat, ball, arrows) are added around it. The result is SVG path data in the
 * {@link Illustration#WIDTH}×{@link Illustration#HEIGHT} box, y pointing down, using only M, L, C, Q, A
 * and Z, with numbers written with a '.' whatever the locale.
 *
 * <p>Angles are in degrees on screen: 0 points right, 90 points down, −90 (or 270) points up.
 */
public final class Figure {

    /** Where the floor line is drawn. */
    public static final double FLOOR = 128;
    /** Head radius. */
    public static final double HEAD = 7.5;
    /** From the top of the torso to the edge of the head. */
    public static final double NECK = 2;
    /** Hip to the top of the torso (base of the neck). */
    public static final double TORSO = 30;
    /** Shoulders sit this far below the top of the torso. */
    public static final double SHOULDER_DROP = 3;
    public static final double THIGH = 21;
    public static final double SHIN = 21;
    public static final double FOOT = 6;
    public static final double UPPER_ARM = 15;
    public static final double FOREARM = 14;
    /** Height of an ankle whose foot stands on the floor (the foot line touches the floor line). */
    public static final double ANKLE = FLOOR - 2.5;
    /** Height of the hip line when lying down (the body's thickness above the floor). */
    public static final double LYING = FLOOR - 8;
    /** Height of a chair seat's top. */
    public static final double SEAT = FLOOR - 22;

    /** How far a limb may fall short of its target before the pose is refused (a drawing bug). */
    private static final double REACH_TOLERANCE = 0.75;

    private final List<String> strokes = new ArrayList<>();
    private final List<String> fills = new ArrayList<>();

    private Figure() {
    }

    /** An empty drawing. */
    public static Figure sketch() {
        return new Figure();
    }

    /** The finished drawing. */
    public Illustration build() {
        return new Illustration(strokes, fills);
    }

    // ---------------------------------------------------------------- raw paths

    /** A stroked path in raw SVG path data. */
    public Figure stroke(String pathData) {
        strokes.add(pathData);
        return this;
    }

    /** A filled path in raw SVG path data. */
    public Figure fill(String pathData) {
        fills.add(pathData);
        return this;
    }

    /** A straight line. */
    public Figure line(double x1, double y1, double x2, double y2) {
        return stroke("M" + xy(x1, y1) + " L" + xy(x2, y2));
    }

    /** A polyline through the points (x1, y1, x2, y2, ...). */
    public Figure polyline(double... coordinates) {
        if (coordinates.length < 4 || coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("a polyline needs two or more points");
        }
        StringBuilder d = new StringBuilder("M").append(xy(coordinates[0], coordinates[1]));
        for (int i = 2; i < coordinates.length; i += 2) {
            d.append(" L").append(xy(coordinates[i], coordinates[i + 1]));
        }
        return stroke(d.toString());
    }

    /** A circle outline: two half arcs. */
    public Figure circle(double cx, double cy, double r) {
        return stroke(circlePath(cx, cy, r));
    }

    /** A filled dot. */
    public Figure dot(double cx, double cy, double r) {
        return fill(circlePath(cx, cy, r));
    }

    // ---------------------------------------------------------------- props

    /** The floor line across the whole picture. */
    public Figure floor() {
        return floor(8, 192);
    }

    /** The floor line between two x positions. */
    public Figure floor(double x1, double x2) {
        return line(x1, FLOOR, x2, FLOOR);
    }

    /** An exercise mat lying on the floor: a thin strip with rounded ends. */
    public Figure mat(double x1, double x2) {
        return stroke("M" + xy(x1 + 2, FLOOR) + " Q" + xy(x1, FLOOR) + " " + xy(x1, FLOOR - 1.5)
                + " Q" + xy(x1, FLOOR - 3) + " " + xy(x1 + 2, FLOOR - 3)
                + " L" + xy(x2 - 2, FLOOR - 3)
                + " Q" + xy(x2, FLOOR - 3) + " " + xy(x2, FLOOR - 1.5)
                + " Q" + xy(x2, FLOOR) + " " + xy(x2 - 2, FLOOR));
    }

    /**
     * A side-on chair whose seat front edge is at {@code frontX}; the person sits facing
     * {@code facingRight ? right : left}, so the backrest is on the other side.
     */
    public Figure chair(double frontX, boolean facingRight) {
        double depth = 24;
        double backX = facingRight ? frontX - depth : frontX + depth;
        double seat = SEAT + 1.5;
        // seat and backrest
        stroke("M" + xy(frontX, seat) + " L" + xy(backX, seat) + " L" + xy(backX, seat - 30));
        // legs
        line(frontX, seat, frontX, FLOOR);
        return line(backX, seat, backX, FLOOR);
    }

    /** A box standing on the floor (a step, a stool): from x1 to x2, its top at {@code topY}. */
    public Figure box(double x1, double x2, double topY) {
        return stroke("M" + xy(x1, FLOOR) + " L" + xy(x1, topY) + " L" + xy(x2, topY) + " L" + xy(x2, FLOOR));
    }

    /** A wall rising from the floor at x, up to {@code topY}. */
    public Figure wall(double x, double topY) {
        return line(x, FLOOR, x, topY);
    }

    /** A round cushion or rolled towel. */
    public Figure roll(double cx, double r) {
        return circle(cx, FLOOR - r - 1, r);
    }

    /** A straight arrow with a filled head at (x2, y2). */
    public Figure arrow(double x1, double y1, double x2, double y2) {
        line(x1, y1, x2, y2);
        return arrowHead(x2, y2, Math.atan2(y2 - y1, x2 - x1));
    }

    /** An arrow along a quadratic curve through control point (cx, cy), head at (x2, y2). */
    public Figure curvedArrow(double x1, double y1, double cx, double cy, double x2, double y2) {
        stroke("M" + xy(x1, y1) + " Q" + xy(cx, cy) + " " + xy(x2, y2));
        return arrowHead(x2, y2, Math.atan2(y2 - cy, x2 - cx));
    }

    /** A double-headed arrow, for back-and-forth movement. */
    public Figure twoWayArrow(double x1, double y1, double x2, double y2) {
        line(x1, y1, x2, y2);
        arrowHead(x2, y2, Math.atan2(y2 - y1, x2 - x1));
        return arrowHead(x1, y1, Math.atan2(y1 - y2, x1 - x2));
    }

    /** Most of a circle with an arrow head: go round again (a circuit, repeats). */
    public Figure loopArrow(double cx, double cy, double r) {
        double endAngle = -100;
        double ex = cx + r * cos(endAngle);
        double ey = cy + r * sin(endAngle);
        stroke("M" + xy(cx + r, cy) + " A" + num(r) + " " + num(r) + " 0 1 1 " + xy(ex, ey));
        // tangent at the end, going clockwise on screen
        return arrowHead(ex, ey, Math.toRadians(endAngle + 90));
    }

    /** A small clock face: hold for a time. */
    public Figure clock(double cx, double cy, double r) {
        circle(cx, cy, r);
        return stroke("M" + xy(cx, cy - r * 0.6) + " L" + xy(cx, cy) + " L" + xy(cx + r * 0.45, cy + r * 0.25));
    }

    /** Three short up arrows in a row, starting at x with their tails at y: quick squeezes. */
    public Figure pulses(double x, double y) {
        for (int i = 0; i < 3; i++) {
            double cx = x + i * 9;
            arrow(cx, y, cx, y - 12);
        }
        return this;
    }

    /** A wavy line: slow breathing. */
    public Figure breath(double x, double y, double length) {
        int waves = Math.max(1, (int) Math.round(length / 10));
        double w = length / waves;
        StringBuilder d = new StringBuilder("M").append(xy(x, y));
        for (int i = 0; i < waves; i++) {
            double x0 = x + i * w;
            d.append(" Q").append(xy(x0 + w / 4, y - 3)).append(' ').append(xy(x0 + w / 2, y));
            d.append(" Q").append(xy(x0 + 3 * w / 4, y + 3)).append(' ').append(xy(x0 + w, y));
        }
        return stroke(d.toString());
    }

    /** Short lines fanning up from a point on the floor: an impact. */
    public Figure impact(double x, double y) {
        line(x - 5, y - 3, x - 9, y - 6);
        line(x, y - 4, x, y - 9);
        return line(x + 5, y - 3, x + 9, y - 6);
    }

    /** Horizontal speed lines ending at x, trailing behind something moving right (or left). */
    public Figure speedLines(double x, double y, boolean movingRight) {
        double s = movingRight ? -1 : 1;
        line(x, y, x + s * 14, y);
        line(x + s * 3, y + 6, x + s * 15, y + 6);
        return line(x, y + 12, x + s * 10, y + 12);
    }

    /** A tick mark: a check. */
    public Figure tick(double x, double y) {
        return polyline(x, y, x + 4, y + 4, x + 12, y - 6);
    }

    /** A gauge bar (outline) filled to {@code fraction}: effort level. */
    public Figure gauge(double x, double y, double width, double height, double fraction) {
        stroke("M" + xy(x, y) + " L" + xy(x + width, y) + " L" + xy(x + width, y + height) + " L"
                + xy(x, y + height) + " Z");
        double filled = width * fraction;
        return fill("M" + xy(x, y) + " L" + xy(x + filled, y) + " L" + xy(x + filled, y + height) + " L"
                + xy(x, y + height) + " Z");
    }

    /** A pushchair (buggy) facing right with its handle's end at (handleX, handleY). */
    public Figure buggy(double handleX, double handleY) {
        double seatX = handleX + 16;
        double top = handleY + 6;
        // handle down to the frame
        line(handleX, handleY, seatX, top + 18);
        // seat / hood: a rounded body
        stroke("M" + xy(seatX, top + 18) + " L" + xy(seatX + 24, top + 18) + " Q" + xy(seatX + 28, top) + " "
                + xy(seatX + 12, top) + " Q" + xy(seatX + 4, top + 2) + " " + xy(seatX + 4, top + 10));
        // wheels
        line(seatX + 4, top + 18, seatX, FLOOR - 5);
        line(seatX + 20, top + 18, seatX + 26, FLOOR - 5);
        circle(seatX, FLOOR - 4.5, 4);
        return circle(seatX + 26, FLOOR - 4.5, 4);
    }

    /** A body. */
    public Figure body(Body body) {
        strokes.addAll(body.paths());
        return this;
    }

    private Figure arrowHead(double x, double y, double angle) {
        double length = 6;
        double spread = Math.toRadians(25);
        double ax = x - length * Math.cos(angle - spread);
        double ay = y - length * Math.sin(angle - spread);
        double bx = x - length * Math.cos(angle + spread);
        double by = y - length * Math.sin(angle + spread);
        return fill("M" + xy(x, y) + " L" + xy(ax, ay) + " L" + xy(bx, by) + " Z");
    }

    // ---------------------------------------------------------------- numbers

    static String circlePath(double cx, double cy, double r) {
        return "M" + xy(cx - r, cy) + " a" + num(r) + " " + num(r) + " 0 1 0 " + num(2 * r) + " 0"
                + " a" + num(r) + " " + num(r) + " 0 1 0 " + num(-2 * r) + " 0";
    }

    static String xy(double x, double y) {
        return num(x) + " " + num(y);
    }

    /** A coordinate with at most one decimal, '.' as separator whatever the locale: "12", "12.5", "-3.2". */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite coordinate: " + value);
        }
        long tenths = Math.round(value * 10);
        if (tenths == 0) {
            return "0";
        }
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        long whole = abs / 10;
        long fraction = abs % 10;
        return fraction == 0
                ? String.format(Locale.ROOT, "%s%d", sign, whole)
                : String.format(Locale.ROOT, "%s%d.%d", sign, whole, fraction);
    }

    static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }

    // ---------------------------------------------------------------- the body

    /** A point of the drawing. */
    public record Point(double x, double y) {

        /** The point {@code length} away in direction {@code degrees}. */
        public Point towards(double degrees, double length) {
            return new Point(x + length * cos(degrees), y + length * sin(degrees));
        }

        public double distance(Point other) {
            return Math.hypot(other.x - x, other.y - y);
        }
    }

    /**
     * A stick figure: torso from the hip, a head beyond the neck, and two legs and two arms (A and B;
     * in a side view A is the near one, but they look the same). Each limb is set by where its end
     * goes (the middle joint is solved) or by its two angles. A limb that is not set is not drawn.
     */
    public static final class Body {

        public static final int A = 0;
        public static final int B = 1;

        private final Point hip;
        private double torso = -90;
        private Double head;
        private final int facing;
        private final Point[][] legs = new Point[2][];
        private final Point[][] arms = new Point[2][];

        private Body(Point hip, int facing) {
            this.hip = hip;
            this.facing = facing;
        }

        /** A body with its hip at (x, y), facing right. */
        public static Body hipAt(double x, double y) {
            return new Body(new Point(x, y), 1);
        }

        /** A body with its hip at (x, y), facing left. */
        public static Body hipAtFacingLeft(double x, double y) {
            return new Body(new Point(x, y), -1);
        }

        /** The direction from the hip to the neck. */
        public Body torso(double degrees) {
            this.torso = degrees;
            return this;
        }

        /** The direction from the neck to the head's centre (default: the torso's direction). */
        public Body head(double degrees) {
            this.head = degrees;
            return this;
        }

        public Point hip() {
            return hip;
        }

        /** The top of the torso. */
        public Point neck() {
            return hip.towards(torso, TORSO);
        }

        public Point shoulder() {
            return hip.towards(torso, TORSO - SHOULDER_DROP);
        }

        /** A point on the torso, {@code fraction} of the way from the hip to the neck. */
        public Point torsoAt(double fraction) {
            return hip.towards(torso, TORSO * fraction);
        }

        public Point headCentre() {
            return neck().towards(head == null ? torso : head, NECK + HEAD);
        }

        /** The ankle of a leg that has been set. */
        public Point foot(int leg) {
            return legs[leg][2];
        }

        public Point knee(int leg) {
            return legs[leg][1];
        }

        public Point hand(int arm) {
            return arms[arm][2];
        }

        public Point elbow(int arm) {
            return arms[arm][1];
        }

        /** A leg whose ankle is at (x, y), knee bent forward, foot flat pointing forward. */
        public Body leg(int leg, double x, double y) {
            return leg(leg, x, y, facing > 0 ? 0 : 180, facing > 0 ? 0 : 180);
        }

        /**
         * A leg whose ankle is at (x, y), its knee on the side of direction {@code kneeDegrees}, the
         * foot pointing in direction {@code toeDegrees}.
         */
        public Body leg(int leg, double x, double y, double kneeDegrees, double toeDegrees) {
            Point ankle = new Point(x, y);
            Point knee = joint(hip, ankle, THIGH, SHIN, kneeDegrees, "leg");
            legs[leg] = new Point[] {hip, knee, ankle, ankle.towards(toeDegrees, FOOT)};
            return this;
        }

        /** A leg set by the directions of thigh, shin and foot. */
        public Body legAngles(int leg, double thighDegrees, double shinDegrees, double toeDegrees) {
            Point knee = hip.towards(thighDegrees, THIGH);
            Point ankle = knee.towards(shinDegrees, SHIN);
            legs[leg] = new Point[] {hip, knee, ankle, ankle.towards(toeDegrees, FOOT)};
            return this;
        }

        /**
         * A leg drawn through the given knee and ankle, for views where a limb points toward the viewer
         * and looks shorter (side lying seen from the front). The hip stays the body's hip.
         */
        public Body legThrough(int leg, double kneeX, double kneeY, double ankleX, double ankleY,
                double toeDegrees) {
            Point ankle = new Point(ankleX, ankleY);
            legs[leg] = new Point[] {hip, new Point(kneeX, kneeY), ankle, ankle.towards(toeDegrees, FOOT)};
            return this;
        }

        /** An arm whose hand is at (x, y), the elbow on the side of direction {@code elbowDegrees}. */
        public Body arm(int arm, double x, double y, double elbowDegrees) {
            Point hand = new Point(x, y);
            Point shoulder = shoulder();
            Point elbow = joint(shoulder, hand, UPPER_ARM, FOREARM, elbowDegrees, "arm");
            arms[arm] = new Point[] {shoulder, elbow, hand};
            return this;
        }

        /** An arm drawn through the given elbow and hand, for a foreshortened view (elbows out to the side). */
        public Body armThrough(int arm, double elbowX, double elbowY, double handX, double handY) {
            arms[arm] = new Point[] {shoulder(), new Point(elbowX, elbowY), new Point(handX, handY)};
            return this;
        }

        /** An arm set by the directions of the upper arm and forearm. */
        public Body armAngles(int arm, double upperDegrees, double foreDegrees) {
            Point shoulder = shoulder();
            Point elbow = shoulder.towards(upperDegrees, UPPER_ARM);
            arms[arm] = new Point[] {shoulder, elbow, elbow.towards(foreDegrees, FOREARM)};
            return this;
        }

        /** Both arms hanging by the sides. */
        public Body armsDown() {
            double side = torso + 180;
            armAngles(A, side - 8 * facing, side - 22 * facing);
            return armAngles(B, side + 6 * facing, side - 6 * facing);
        }

        /** The strokes: torso, head outline, limbs. */
        List<String> paths() {
            List<String> paths = new ArrayList<>();
            Point neck = neck();
            paths.add("M" + xy(neck.x, neck.y) + " L" + xy(hip.x, hip.y));
            Point head = headCentre();
            paths.add(circlePath(head.x, head.y, HEAD));
            for (Point[] leg : legs) {
                if (leg != null) {
                    paths.add(polyline(leg));
                }
            }
            for (Point[] arm : arms) {
                if (arm != null) {
                    paths.add(polyline(arm));
                }
            }
            return paths;
        }

        private static String polyline(Point[] points) {
            StringBuilder d = new StringBuilder("M").append(xy(points[0].x, points[0].y));
            for (int i = 1; i < points.length; i++) {
                d.append(" L").append(xy(points[i].x, points[i].y));
            }
            return d.toString();
        }

        /**
         * The middle joint of a two-bone limb from {@code root} to {@code end}: of the two solutions,
         * the one lying toward {@code hintDegrees}. Refuses an end out of reach.
         */
        private static Point joint(Point root, Point end, double upper, double lower, double hintDegrees,
                String what) {
            double d = root.distance(end);
            if (d > upper + lower + REACH_TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s cannot reach (%.1f, %.1f) from (%.1f, %.1f): %.1f > %.1f", what, end.x, end.y, root.x,
                        root.y, d, upper + lower));
            }
            if (d < Math.abs(upper - lower) + 1e-6) {
                throw new IllegalArgumentException(what + " end too close to its root");
            }
            double base = Math.atan2(end.y - root.y, end.x - root.x);
            double cosine = (upper * upper + d * d - lower * lower) / (2 * upper * d);
            double bend = Math.acos(Math.max(-1, Math.min(1, cosine)));
            Point first = new Point(root.x + upper * Math.cos(base + bend), root.y + upper * Math.sin(base + bend));
            Point second = new Point(root.x + upper * Math.cos(base - bend), root.y + upper * Math.sin(base - bend));
            double hx = cos(hintDegrees);
            double hy = sin(hintDegrees);
            double mx = (root.x + end.x) / 2;
            double my = (root.y + end.y) / 2;
            double firstScore = (first.x - mx) * hx + (first.y - my) * hy;
            double secondScore = (second.x - mx) * hx + (second.y - my) * hy;
            return firstScore >= secondScore ? first : second;
        }
    }
}
