package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.domain.programme.SvgPath.Bounds;
import app.rebound.domain.programme.SvgPath.Close;
import app.rebound.domain.programme.SvgPath.CubicTo;
import app.rebound.domain.programme.SvgPath.LineTo;
import app.rebound.domain.programme.SvgPath.MoveTo;
import app.rebound.domain.programme.SvgPath.Segment;

class SvgPathTest {

    private static final double EPS = 1e-9;

    @Test
    void absoluteMoveLineAndClose() {
        assertThat(SvgPath.parse("M10 20 L30 40 Z"))
                .containsExactly(new MoveTo(10, 20), new LineTo(30, 40), new Close());
    }

    @Test
    void relativeCommandsAddToTheCurrentPoint() {
        assertThat(SvgPath.parse("m10 20 l5 0 l0 5 h-5 v-5"))
                .containsExactly(new MoveTo(10, 20), new LineTo(15, 20), new LineTo(15, 25), new LineTo(10, 25),
                        new LineTo(10, 20));
    }

    @Test
    void horizontalAndVerticalBecomeLines() {
        assertThat(SvgPath.parse("M1 2 H7 V9 h1 v1"))
                .containsExactly(new MoveTo(1, 2), new LineTo(7, 2), new LineTo(7, 9), new LineTo(8, 9),
                        new LineTo(8, 10));
    }

    @Test
    void extraPairsAfterAMoveAreLines() {
        assertThat(SvgPath.parse("M0 0 10 0 10 10")).containsExactly(new MoveTo(0, 0), new LineTo(10, 0),
                new LineTo(10, 10));
        assertThat(SvgPath.parse("m1 1 2 0 0 2")).containsExactly(new MoveTo(1, 1), new LineTo(3, 1),
                new LineTo(3, 3));
    }

    @Test
    void repeatedParametersRepeatTheCommand() {
        assertThat(SvgPath.parse("M0 0 L1 1 2 2 3 3")).containsExactly(new MoveTo(0, 0), new LineTo(1, 1),
                new LineTo(2, 2), new LineTo(3, 3));
        assertThat(SvgPath.parse("M0 0 h1 2 3")).containsExactly(new MoveTo(0, 0), new LineTo(1, 0),
                new LineTo(3, 0), new LineTo(6, 0));
        assertThat(SvgPath.parse("M0 0 c1 1 2 2 3 3 1 1 2 2 3 3")).containsExactly(new MoveTo(0, 0),
                new CubicTo(1, 1, 2, 2, 3, 3), new CubicTo(4, 4, 5, 5, 6, 6));
    }

    @Test
    void relativeCubicControlPointsAreRelativeToTheStart() {
        assertThat(SvgPath.parse("M10 10 c0 -5 10 -5 10 0")).containsExactly(new MoveTo(10, 10),
                new CubicTo(10, 5, 20, 5, 20, 10));
    }

    @Test
    void quadraticBecomesTheEquivalentCubic() {
        List<Segment> segments = SvgPath.parse("M0 0 Q30 60 60 0");
        assertThat(segments).hasSize(2);
        CubicTo c = (CubicTo) segments.get(1);
        assertThat(c.x1()).isCloseTo(20, within(EPS));
        assertThat(c.y1()).isCloseTo(40, within(EPS));
        assertThat(c.x2()).isCloseTo(40, within(EPS));
        assertThat(c.y2()).isCloseTo(40, within(EPS));
        assertThat(c.x()).isEqualTo(60);
        assertThat(c.y()).isEqualTo(0);
        // the quadratic's peak at t = 0.5 is y = 30; the cubic must pass there too
        assertThat(SvgPath.cubicAt(0, c.y1(), c.y2(), 0, 0.5)).isCloseTo(30, within(EPS));
    }

    @Test
    void relativeQuadratic() {
        CubicTo c = (CubicTo) SvgPath.parse("M10 10 q15 30 30 0").get(1);
        assertThat(c.x1()).isCloseTo(20, within(EPS));
        assertThat(c.y1()).isCloseTo(30, within(EPS));
        assertThat(c.x()).isCloseTo(40, within(EPS));
        assertThat(c.y()).isCloseTo(10, within(EPS));
    }

    @Test
    void numbersInAllTheirForms() {
        assertThat(SvgPath.parse("M1e-3 -.5 L.5.5")).containsExactly(new MoveTo(0.001, -0.5), new LineTo(0.5, 0.5));
        assertThat(SvgPath.parse("M1-2L+3,4e1")).containsExactly(new MoveTo(1, -2), new LineTo(3, 40));
        assertThat(SvgPath.parse("M 1.5E+1 , 2.")).containsExactly(new MoveTo(15, 2));
        assertThat(SvgPath.parse("M0,0l-1-1")).containsExactly(new MoveTo(0, 0), new LineTo(-1, -1));
    }

    @Test
    void blankDataIsAnEmptyPath() {
        assertThat(SvgPath.parse("")).isEmpty();
        assertThat(SvgPath.parse("  \n")).isEmpty();
        assertThat(SvgPath.parse(null)).isEmpty();
        assertThat(SvgPath.bounds("")).isNull();
    }

    @Test
    void closeReturnsToTheSubpathStartForTheNextRelativeCommand() {
        assertThat(SvgPath.parse("M10 10 l5 0 l0 5 z l1 1")).containsExactly(new MoveTo(10, 10),
                new LineTo(15, 10), new LineTo(15, 15), new Close(), new LineTo(11, 11));
        assertThat(SvgPath.parse("M10 10 l5 0 Z m2 2")).containsExactly(new MoveTo(10, 10), new LineTo(15, 10),
                new Close(), new MoveTo(12, 12));
    }

    @Test
    void fullCircleFromTwoArcsStaysOnTheCircle() {
        double cx = 100;
        double cy = 50;
        double r = 10;
        List<Segment> segments = SvgPath.parse("M 90 50 a 10 10 0 1 0 20 0 a 10 10 0 1 0 -20 0");
        assertThat(segments.get(0)).isEqualTo(new MoveTo(90, 50));
        assertThat(segments.subList(1, segments.size())).allMatch(s -> s instanceof CubicTo);
        assertOnCircle(segments, cx, cy, r, 90, 50);
        CubicTo last = (CubicTo) segments.get(segments.size() - 1);
        assertThat(last.x()).isCloseTo(90, within(EPS));
        assertThat(last.y()).isCloseTo(50, within(EPS));

        Bounds box = SvgPath.bounds(segments);
        assertThat(box.minX()).isCloseTo(90, within(0.01));
        assertThat(box.maxX()).isCloseTo(110, within(0.01));
        assertThat(box.minY()).isCloseTo(40, within(0.01));
        assertThat(box.maxY()).isCloseTo(60, within(0.01));
    }

    @Test
    void sweepFlagPicksTheSide() {
        // from (0,0) to (20,0), radius 10: sweep 1 goes through y = -10 (clockwise on screen from the left
        // point runs over the top), sweep 0 through y = +10
        Bounds over = SvgPath.bounds("M0 0 A10 10 0 0 1 20 0");
        Bounds under = SvgPath.bounds("M0 0 A10 10 0 0 0 20 0");
        assertThat(over.minY()).isCloseTo(-10, within(0.01));
        assertThat(over.maxY()).isCloseTo(0, within(0.01));
        assertThat(under.maxY()).isCloseTo(10, within(0.01));
        assertThat(under.minY()).isCloseTo(0, within(0.01));
    }

    @Test
    void largeArcFlagPicksTheLongWayRound() {
        // radius 10 between two points 10 apart: the small arc bulges a little (to y = 8.66 - 10), the large
        // one goes round the far side of a centre at (5, -8.66), up to y = -18.66
        Bounds small = SvgPath.bounds("M0 0 A10 10 0 0 1 10 0");
        Bounds large = SvgPath.bounds("M0 0 A10 10 0 1 1 10 0");
        assertThat(small.minY()).isCloseTo(8.660254 - 10, within(0.005));
        assertThat(small.maxY()).isCloseTo(0, within(EPS));
        assertThat(large.minY()).isCloseTo(-8.660254 - 10, within(0.005));
        assertThat(large.maxY()).isCloseTo(0, within(EPS));
        assertThat(large.minX()).isCloseTo(-5, within(0.005));
        assertThat(large.maxX()).isCloseTo(15, within(0.005));
    }

    @Test
    void arcFlagsMayBeWrittenWithoutSeparators() {
        assertThat(SvgPath.parse("M0 0 a10 10 0 1 0 20 0")).isEqualTo(SvgPath.parse("M0 0 a10,10,0,10,20,0"));
        assertThat(SvgPath.parse("M0 0 a10 10 0 1 0 20 0")).isEqualTo(SvgPath.parse("M0 0a10 10 0 1020 0"));
    }

    @Test
    void tooSmallRadiiAreScaledUpToReachTheEnd() {
        // radius 1 cannot span 20: scaled to 10, a half circle
        List<Segment> segments = SvgPath.parse("M0 0 A1 1 0 0 1 20 0");
        assertOnCircle(segments, 10, 0, 10, 0, 0);
        CubicTo last = (CubicTo) segments.get(segments.size() - 1);
        assertThat(last.x()).isEqualTo(20);
        assertThat(last.y()).isEqualTo(0);
    }

    @Test
    void ellipticalAndRotatedArcs() {
        // an ellipse rx 20, ry 10 from its left to its right end, over the top
        Bounds box = SvgPath.bounds("M0 0 A20 10 0 0 1 40 0");
        assertThat(box.minY()).isCloseTo(-10, within(0.01));
        assertThat(box.maxX()).isCloseTo(40, within(EPS));
        // the same ellipse turned 90°: now 10 wide and 20 tall, from its top to its bottom end
        Bounds turned = SvgPath.bounds("M0 0 A20 10 90 0 1 0 40");
        assertThat(turned.maxX()).isCloseTo(10, within(0.01));
        assertThat(turned.minX()).isCloseTo(0, within(0.01));
        assertThat(turned.maxY()).isCloseTo(40, within(0.01));
    }

    @Test
    void degenerateArcs() {
        assertThat(SvgPath.parse("M5 5 A0 10 0 0 1 20 5")).containsExactly(new MoveTo(5, 5), new LineTo(20, 5));
        assertThat(SvgPath.parse("M5 5 A10 10 0 0 1 5 5")).containsExactly(new MoveTo(5, 5));
    }

    @Test
    void boundsFollowCurveExtremesNotControlPoints() {
        // control points reach y = -40 but the curve only reaches -30
        Bounds box = SvgPath.bounds("M0 0 C0 -40 40 -40 40 0");
        assertThat(box.minY()).isCloseTo(-30, within(EPS));
        assertThat(box.minX()).isEqualTo(0);
        assertThat(box.maxX()).isEqualTo(40);
        assertThat(box.within(0, -30, 40, 0)).isTrue();
        assertThat(box.within(0, -29, 40, 0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"L0 0", "10 10", "M0 0 S1 1 2 2", "M0 0 T5 5", "M0 0 L1", "M0 0 A1 1 0 2 0 3 3",
            "M0 0 L1 x", "M0 0 L . 1", "M0 0 L- 1"})
    void refusesWhatItCannotDraw(String data) {
        assertThatThrownBy(() -> SvgPath.parse(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SVG path data");
    }

    /** Every cubic of the path, sampled, stays on the circle; segments join up. */
    private static void assertOnCircle(List<Segment> segments, double cx, double cy, double r, double startX,
            double startY) {
        double x = startX;
        double y = startY;
        for (Segment segment : segments) {
            if (segment instanceof CubicTo c) {
                for (int i = 0; i <= 16; i++) {
                    double t = i / 16.0;
                    double px = SvgPath.cubicAt(x, c.x1(), c.x2(), c.x(), t);
                    double py = SvgPath.cubicAt(y, c.y1(), c.y2(), c.y(), t);
                    assertThat(Math.hypot(px - cx, py - cy)).isCloseTo(r, within(r * 0.001));
                }
                x = c.x();
                y = c.y();
            }
        }
    }
}
