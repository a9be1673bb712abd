package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import app.rebound.domain.programme.Figure.Body;
import app.rebound.domain.programme.Figure.Point;

class FigureTest {

    @Test
    void numbersUseADotWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Figure.num(12.25)).isIn("12.3", "12.2");
            assertThat(Figure.num(-3.04)).isEqualTo("-3");
            assertThat(Figure.num(-0.04)).isEqualTo("0");
            assertThat(Figure.num(7)).isEqualTo("7");
            assertThat(Figure.num(-0.5)).isEqualTo("-0.5");
            assertThat(Figure.num(1234.56)).isEqualTo("1234.6");
            Illustration drawing = Figure.sketch().floor().circle(10.5, 20.5, 3.25).build();
            assertThat(String.join(" ", drawing.strokes())).doesNotContain(",");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void headIsACircleOfTwoArcs() {
        assertThat(Figure.circlePath(100, 50, 7.5)).isEqualTo("M92.5 50 a7.5 7.5 0 1 0 15 0 a7.5 7.5 0 1 0 -15 0");
        SvgPath.Bounds box = SvgPath.bounds(Figure.circlePath(100, 50, 7.5));
        assertThat(box.minX()).isCloseTo(92.5, within(0.01));
        assertThat(box.maxY()).isCloseTo(57.5, within(0.01));
    }

    @Test
    void limbsKeepTheirLengthsAndReachTheirTargets() {
        Body body = Body.hipAt(100, 80).leg(Body.A, 110, 115).arm(Body.A, 120, 70, 90);
        Point hip = body.hip();
        Point knee = body.knee(Body.A);
        Point foot = body.foot(Body.A);
        assertThat(hip.distance(knee)).isCloseTo(Figure.THIGH, within(1e-9));
        assertThat(knee.distance(foot)).isCloseTo(Figure.SHIN, within(1e-9));
        assertThat(foot).isEqualTo(new Point(110, 115));
        // knee bends forward (toward the facing direction)
        assertThat(knee.x()).isGreaterThan((hip.x() + foot.x()) / 2);
        Point shoulder = body.shoulder();
        assertThat(shoulder.distance(body.elbow(Body.A))).isCloseTo(Figure.UPPER_ARM, within(1e-9));
        assertThat(body.elbow(Body.A).distance(body.hand(Body.A))).isCloseTo(Figure.FOREARM, within(1e-9));
        // elbow on the side of the hint (down)
        assertThat(body.elbow(Body.A).y()).isGreaterThan((shoulder.y() + 70) / 2);
    }

    @Test
    void aLimbThatCannotReachIsABug() {
        assertThatThrownBy(() -> Body.hipAt(100, 40).leg(Body.A, 100, 125))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leg cannot reach");
        assertThatThrownBy(() -> Body.hipAt(100, 80).arm(Body.A, 160, 80, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm cannot reach");
    }

    @Test
    void standingFigureIsAboutNinetyTall() {
        Body body = Body.hipAt(100, Figure.ANKLE - 41.8).leg(Body.A, 100, Figure.ANKLE);
        double top = body.headCentre().y() - Figure.HEAD;
        assertThat(Figure.FLOOR - top).isBetween(85.0, 95.0);
    }

    @Test
    void everyPropParses() {
        Illustration drawing = Figure.sketch().floor().mat(20, 180).chair(100, true).chair(60, false)
                .box(120, 160, 100).wall(190, 20).roll(50, 6).arrow(10, 10, 40, 30).curvedArrow(10, 60, 30, 40, 50, 60)
                .twoWayArrow(60, 10, 60, 40).loopArrow(150, 40, 12).clock(100, 30, 10).pulses(20, 90)
                .breath(30, 100, 40).impact(100, Figure.FLOOR).speedLines(80, 60, true).tick(170, 60)
                .gauge(120, 110, 30, 6, 0.4).buggy(120, 80).dot(10, 130, 2).build();
        for (String data : drawing.strokes()) {
            assertThat(SvgPath.parse(data)).isNotEmpty();
        }
        for (String data : drawing.fills()) {
            assertThat(SvgPath.parse(data)).isNotEmpty();
        }
    }
}
