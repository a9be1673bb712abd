package app.rebound.domain.programme;

import static app.rebound.domain.programme.Figure.ANKLE;
import static app.rebound.domain.programme.Figure.FLOOR;
import static app.rebound.domain.programme.Figure.LYING;
import static app.rebound.domain.programme.Figure.SEAT;
import static app.rebound.domain.programme.Figure.Body.A;
import static app.rebound.domain.programme.Figure.Body.B;
import static app.rebound.domain.visit.Stage.BUILD;
import static app.rebound.domain.visit.Stage.CONNECT;
import static app.rebound.domain.visit.Stage.IMPACT_PREP;
import static app.rebound.domain.visit.Stage.LOW_LOAD;
import static app.rebound.domain.visit.Stage.RUN;
import static app.rebound.domain.visit.Stage.WALK_RUN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.rebound.domain.programme.Figure.Body;
import app.rebound.domain.visit.Stage;

/**
 * The exercises the product ships, organised in the six stages of the clinical reference (section 6):
 * from finding the pelvic floor lying down to continuous running. Each has plain-words steps for the
 * patient, breathing and pelvic floor cues, a default dose (the pelvic floor kinds take theirs from the
 * visit's PERFECT assessment instead), an easier and a harder version, and a line drawing.
 *
 * <p>Doses: where an exercise is timed rather than counted (a hold, a drill done for so many seconds),
 * the time is in {@link Dose#holdSeconds()} with one repetition or a few. Longer walks and runs are
 * described in minutes in the steps; their dose counts sessions (days a week) and, for intervals, rounds.
 */
public final class ExerciseLibrary {

    private ExerciseLibrary() {
    }

    /** Every shipped exercise, in stage order; the same immutable list on every call. */
    public static List<Exercise> shipped() {
        return Holder.ALL;
    }

    /** The shipped exercise with this code. */
    public static Optional<Exercise> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Holder.BY_CODE.get(code));
    }

    /** The shipped exercises of one stage, in library order. */
    public static List<Exercise> forStage(Stage stage) {
        return Holder.ALL.stream().filter(e -> e.stage() == stage).toList();
    }

    /** Built once, on first use. */
    private static final class Holder {
        static final List<Exercise> ALL = List.copyOf(build());
        static final Map<String, Exercise> BY_CODE;

        static {
            Map<String, Exercise> map = new LinkedHashMap<>();
            for (Exercise e : ALL) {
                if (map.put(e.code(), e) != null) {
                    throw new IllegalStateException("duplicate exercise code " + e.code());
                }
            }
            BY_CODE = Map.copyOf(map);
        }
    }

    /** The walk-run exercise: its runs, walks and rounds are the programme's week-by-week plan. */
    public static final String WALK_RUN_INTERVALS = "walk-run-intervals";

    private static final String PF_LIFT = "Gently lift your pelvic floor before you move, as if stopping wind.";
    private static final String PF_RELAX = "Let your pelvic floor fully relax after each one.";
    private static final String BREATHE_OUT = "Breathe out as you do the hard part. Do not hold your breath.";

    private static List<Exercise> build() {
        List<Exercise> all = new ArrayList<>();
        connect(all);
        lowLoad(all);
        buildStage(all);
        impactPrep(all);
        walkRun(all);
        run(all);
        return all;
    }

    private static Exercise exercise(String code, String name, Stage stage, ExerciseKind kind, String purpose,
            List<String> steps, List<String> cues, Dose dose, String easier, String harder, Illustration drawing) {
        return new Exercise(code, name, stage, kind, purpose, steps, cues, dose, easier, harder, drawing);
    }

    private static Dose dose(int sets, int reps, int holdSeconds, int timesPerDay, int daysPerWeek) {
        return new Dose(sets, reps, holdSeconds, timesPerDay, daysPerWeek);
    }

    // ================================================================ stage 1: CONNECT

    private static void connect(List<Exercise> all) {
        ExerciseKind relax = ExerciseKind.RELAXATION;
        all.add(exercise("breathing-pf", "Breathing with your pelvic floor", CONNECT, ExerciseKind.GENERAL,
                "Links your breathing with your pelvic floor and tummy, so they work as a team.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Put one hand on your tummy and one on your lower ribs.",
                        "Breathe in slowly through your nose. Let your ribs and tummy widen and your pelvic floor relax.",
                        "Breathe out gently through your mouth. Let your pelvic floor lift a little on its own.",
                        "Rest, then repeat."),
                List.of("Breathe in to let go, breathe out to lift. Keep it soft and slow.",
                        "Let your pelvic floor fully relax on every breath in."),
                dose(1, 10, 0, 2, 7),
                "Just breathe slowly into your hands without thinking about your pelvic floor.",
                "Do it sitting, then standing.",
                breathingPf()));

        all.add(exercise("pf-find", "Find your pelvic floor", CONNECT, ExerciseKind.PELVIC_FLOOR_FIND,
                "Helps you find and feel your pelvic floor muscles before you train them.",
                List.of("Lie on your back with your knees bent and feet flat. Relax your tummy and bottom.",
                        "Imagine you are stopping yourself passing wind and holding in a wee at the same time.",
                        "Gently squeeze and lift inside. You should feel a lift, not a push down.",
                        "Notice the lift for a moment, then let go completely. There is nothing to count yet.",
                        "Rest for a few breaths before you try again."),
                List.of("Keep breathing normally while you squeeze.",
                        "Do not squeeze your bottom, thighs or tummy hard.",
                        "Let it fully relax after each squeeze."),
                // finding the contraction comes before counted holds (clinical reference §3, §9 PF_FIND)
                dose(1, 5, 0, 3, 7),
                "Try lying on your side, or imagine gently drawing a tampon up inside.",
                "Try it sitting up once you can feel it clearly lying down.",
                pelvicFloorLying(Cue.FIND)));

        all.add(exercise("pf-holds-lying", "Pelvic floor holds, lying", CONNECT, ExerciseKind.PELVIC_FLOOR_HOLDS,
                "Builds pelvic floor strength and stamina with long squeezes.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Breathe out and squeeze and lift your pelvic floor as strongly as you can.",
                        "Hold it, breathing normally, for the time on your plan.",
                        "Let go completely and rest for as long as you held.",
                        "Repeat for the number of holds on your plan."),
                List.of("Keep breathing while you hold. Do not hold your breath.", PF_RELAX),
                dose(1, 5, 5, 3, 7),
                "Hold for a shorter time, or do fewer holds.",
                "Hold a little longer, up to 10 seconds, then move on to sitting.",
                pelvicFloorLying(Cue.HOLD)));

        all.add(exercise("pf-quick-lying", "Quick squeezes, lying", CONNECT, ExerciseKind.PELVIC_FLOOR_QUICK,
                "Trains your pelvic floor to switch on fast, as it must when you cough, jump or run.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Squeeze and lift your pelvic floor quickly and strongly.",
                        "Let go straight away, completely.",
                        "Repeat for the number of quick squeezes on your plan."),
                List.of("Keep breathing normally.", "Let it fully relax between squeezes, so each one starts from rest."),
                dose(1, 8, 0, 3, 7),
                "Do fewer squeezes with a longer rest between them.",
                "Do more squeezes, up to 10, then move on to sitting.",
                pelvicFloorLying(Cue.QUICK)));

        all.add(exercise("pf-holds-sitting", "Pelvic floor holds, sitting", CONNECT, ExerciseKind.PELVIC_FLOOR_HOLDS,
                "Builds pelvic floor strength and stamina in sitting, a harder position than lying.",
                List.of("Sit upright on a firm chair, feet flat and knees apart.",
                        "Breathe out and squeeze and lift your pelvic floor as strongly as you can.",
                        "Hold it, breathing normally, for the time on your plan.",
                        "Let go completely and rest for as long as you held.",
                        "Repeat for the number of holds on your plan."),
                List.of("Keep breathing while you hold.", "Feel yourself lift up off the chair inside, not push down.",
                        PF_RELAX),
                dose(1, 5, 5, 3, 7),
                "Go back to doing them lying down.",
                "Hold a little longer, up to 10 seconds, then move on to standing.",
                pelvicFloorSitting(Cue.HOLD)));

        all.add(exercise("pf-quick-sitting", "Quick squeezes, sitting", CONNECT, ExerciseKind.PELVIC_FLOOR_QUICK,
                "Trains your pelvic floor to switch on fast while you sit upright.",
                List.of("Sit upright on a firm chair, feet flat.",
                        "Squeeze and lift your pelvic floor quickly and strongly.",
                        "Let go straight away, completely.",
                        "Repeat for the number of quick squeezes on your plan."),
                List.of("Keep breathing normally.", "Let it fully relax between squeezes."),
                dose(1, 8, 0, 3, 7),
                "Go back to doing them lying down.",
                "Do more squeezes, up to 10, then move on to standing.",
                pelvicFloorSitting(Cue.QUICK)));

        all.add(exercise("pf-holds-standing", "Pelvic floor holds, standing", CONNECT,
                ExerciseKind.PELVIC_FLOOR_HOLDS,
                "Builds pelvic floor strength and stamina standing up, as you need it for running.",
                List.of("Stand tall with your feet hip-width apart and knees soft.",
                        "Breathe out and squeeze and lift your pelvic floor as strongly as you can.",
                        "Hold it, breathing normally, for the time on your plan.",
                        "Let go completely and rest for as long as you held.",
                        "Repeat for the number of holds on your plan."),
                List.of("Keep breathing while you hold.", "Stay tall: do not tuck your bottom under.", PF_RELAX),
                dose(1, 5, 5, 3, 7),
                "Do them sitting, or hold for a shorter time.",
                "Hold for up to 10 seconds, 10 times.",
                pelvicFloorStanding(Cue.HOLD)));

        all.add(exercise("pf-quick-standing", "Quick squeezes, standing", CONNECT, ExerciseKind.PELVIC_FLOOR_QUICK,
                "Trains your pelvic floor to switch on fast standing up, ready for impact.",
                List.of("Stand tall with your feet hip-width apart.",
                        "Squeeze and lift your pelvic floor quickly and strongly.",
                        "Let go straight away, completely.",
                        "Repeat for the number of quick squeezes on your plan."),
                List.of("Keep breathing normally.", "Let it fully relax between squeezes."),
                dose(1, 8, 0, 3, 7),
                "Do them sitting.",
                "Do 10 in a row, then try them while you march on the spot.",
                pelvicFloorStanding(Cue.QUICK)));

        all.add(exercise("pf-relax-breathing", "Belly breathing to relax your pelvic floor", CONNECT, relax,
                "Helps a tight or overactive pelvic floor let go. This comes before any squeezing.",
                List.of("Lie on your back with a pillow under your knees. Let your legs go heavy.",
                        "Rest both hands on your tummy.",
                        "Breathe in slowly through your nose. Let your tummy rise into your hands.",
                        "As you breathe in, feel your pelvic floor soften and widen, like a flower opening.",
                        "Breathe out slowly through your mouth. Do not squeeze.",
                        "Carry on for a few minutes."),
                List.of("Breathe in low and slow, into your tummy.", "Let your pelvic floor, jaw and shoulders relax."),
                dose(1, 10, 0, 2, 7),
                "Just breathe slowly; do not think about your pelvic floor yet.",
                "Do it sitting, then standing, and after your other exercises.",
                relaxBreathing()));

        all.add(exercise("pf-drop", "Pelvic floor drop", CONNECT, relax,
                "Teaches you to fully let go of your pelvic floor, so it can rest between efforts.",
                List.of("Lie on your back with your lower legs resting on a chair or a stool.",
                        "Breathe in slowly and let your pelvic floor gently drop and open, like letting wind go.",
                        "Feel the area between your sit bones soften. Do not push or strain.",
                        "Breathe out and simply stay relaxed.",
                        "Repeat slowly."),
                List.of("Think of letting go, not pushing down.", "Keep your breathing slow and easy."),
                dose(1, 10, 0, 2, 7),
                "Just lie with your legs supported and breathe slowly.",
                "Do it sitting on the toilet with your feet on a low stool, leaning forward.",
                pelvicFloorDrop()));

        all.add(exercise("child-pose-breathing", "Child's pose breathing", CONNECT, relax,
                "Relaxes your pelvic floor, back and hips, and helps you breathe into your back.",
                List.of("Kneel on a mat with your knees apart and big toes together.",
                        "Sit back toward your heels and rest your chest on your thighs or a cushion.",
                        "Rest your forehead on your folded arms or a cushion.",
                        "Breathe in slowly into your back and feel your pelvic floor soften.",
                        "Breathe out slowly and let your body sink down."),
                List.of("Let your pelvic floor widen and relax as you breathe in.",
                        "Stay comfortable: use cushions if you need them."),
                dose(1, 8, 0, 1, 7),
                "Put a pile of cushions under your chest.",
                "Stay in the pose for longer, up to 2 minutes.",
                childPose()));

        all.add(exercise("knee-hug-breathing", "Knees-to-chest breathing", CONNECT, relax,
                "Gently stretches and relaxes your pelvic floor and lower back.",
                List.of("Lie on your back and bring your knees up toward your chest.",
                        "Hold your knees loosely with your hands, knees a little apart.",
                        "Breathe in slowly into your tummy and feel your pelvic floor widen and let go.",
                        "Breathe out slowly and stay relaxed.",
                        "Carry on for a few slow breaths, then lower your feet one at a time."),
                List.of("Let your pelvic floor soften as you breathe in.", "Keep your shoulders and jaw relaxed."),
                dose(1, 8, 0, 1, 7),
                "Keep your feet on the floor with your knees bent and just breathe.",
                "Let your knees fall wider apart, holding the outsides of your feet.",
                kneeHug()));

        all.add(exercise("tva-activation", "Deep tummy muscle", CONNECT, ExerciseKind.GENERAL,
                "Wakes up your deepest tummy muscle, which works with your pelvic floor to support you.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Put your fingers just inside the bony points at the front of your hips.",
                        "Breathe in. As you breathe out, gently lift your pelvic floor and draw your lower tummy in, away from your fingers.",
                        "Hold gently for a few seconds while you keep breathing.",
                        "Let it all relax, then repeat."),
                List.of("Breathe out as you draw in.", "Only a gentle effort: about a third of your strongest.",
                        "Let everything fully relax after."),
                dose(1, 10, 5, 2, 7),
                "Do it without the hold: draw in and let go.",
                "Keep the gentle draw-in while you slide one heel away and back.",
                deepTummy()));

        all.add(exercise("tva-four-point", "Tummy draw-in on hands and knees", CONNECT, ExerciseKind.GENERAL,
                "Trains your deep tummy muscle against gravity, ready for harder exercises.",
                List.of("Go onto your hands and knees: hands under shoulders, knees under hips.",
                        "Let your tummy hang down and your back stay level.",
                        "Breathe out, gently lift your pelvic floor and draw your belly button up toward your spine.",
                        "Hold gently while you breathe, without moving your back.",
                        "Let go fully, then repeat."),
                List.of("Breathe out as you draw in.", "Keep your back still: only your tummy moves.",
                        "Let your pelvic floor fully relax after."),
                dose(1, 8, 5, 1, 5),
                "Do it lying on your back instead.",
                "Hold longer, or lift one hand a little off the floor while you hold.",
                fourPointDrawIn()));

        all.add(exercise("pf-knack", "Squeeze before you cough (the Knack)", CONNECT, ExerciseKind.GENERAL,
                "Teaches your pelvic floor to switch on just before a cough, sneeze or lift, to stop leaks.",
                List.of("Stand or sit tall.",
                        "Squeeze and lift your pelvic floor.",
                        "Keep it lifted while you give a small cough.",
                        "Let it fully relax afterwards.",
                        "Use it every time you cough, sneeze, laugh or lift your baby."),
                List.of("Squeeze first, then cough.", "Do not hold your breath while you squeeze.", PF_RELAX),
                dose(1, 5, 0, 2, 7),
                "Practise it lying down with a small, gentle cough.",
                "Use a stronger cough, then try it before a small jump later on.",
                knack()));

        all.add(exercise("walking", "Walking", CONNECT, ExerciseKind.GENERAL,
                "Builds your fitness gently and tests how your body copes with being upright for longer.",
                List.of("Walk at a comfortable pace, on flat ground to start with.",
                        "Start with 10 to 15 minutes.",
                        "Add about 5 minutes a week if you have no symptoms.",
                        "Aim for 30 minutes of comfortable walking."),
                List.of("Stand tall and breathe easily.",
                        "Stop and rest if you feel heaviness, dragging or leaking."),
                dose(1, 1, 0, 1, 5),
                "Walk for 5 to 10 minutes, or split the walk into two.",
                "Walk a little faster, or add a gentle hill.",
                walking()));
    }

    // ================================================================ stage 2: LOW LOAD

    private static void lowLoad(List<Exercise> all) {
        ExerciseKind general = ExerciseKind.GENERAL;
        all.add(exercise("bridge", "Bridge", LOW_LOAD, general,
                "Strengthens your bottom muscles and the backs of your thighs.",
                List.of("Lie on your back with your knees bent, feet flat and hip-width apart.",
                        "Breathe in to get ready.",
                        "Breathe out, gently lift your pelvic floor, then squeeze your bottom and lift your hips.",
                        "Hold for a moment with your body in a straight line from knees to shoulders.",
                        "Breathe in and lower slowly."),
                List.of(PF_LIFT, BREATHE_OUT, PF_RELAX),
                dose(2, 10, 3, 1, 4),
                "Lift your hips only a little way.",
                "Hold at the top for longer, or move on to the single-leg bridge.",
                bridge(false)));

        all.add(exercise("clamshell", "Clamshell", LOW_LOAD, general,
                "Strengthens the muscles at the side of your hip, which keep your knee and pelvis steady when you run.",
                List.of("Lie on your side with your hips and knees bent and your feet together.",
                        "Rest your head on your lower arm.",
                        "Breathe out, gently lift your pelvic floor and open your top knee, keeping your feet together.",
                        "Do not let your top hip roll back.",
                        "Lower your knee slowly."),
                List.of(BREATHE_OUT, "Let your pelvic floor relax as you lower."),
                dose(2, 12, 0, 1, 4),
                "Open your knee only a little way.",
                "Put a light resistance band around your knees.",
                clamshell()));

        all.add(exercise("side-lying-abduction", "Side-lying leg lift", LOW_LOAD, general,
                "Strengthens the side of your hip. This is one of the strength tests for running.",
                List.of("Lie on your side with your bottom knee bent and your top leg straight.",
                        "Keep your top leg in line with your body, toes pointing forward.",
                        "Breathe out, gently lift your pelvic floor and lift your top leg up.",
                        "Lower it slowly."),
                List.of(BREATHE_OUT, "Lead with your heel, not your toes.", PF_RELAX),
                dose(2, 10, 0, 1, 4),
                "Lift your leg only a little way.",
                "Hold at the top for 2 seconds, or add a light ankle weight.",
                sideLyingLegLift()));

        all.add(exercise("sit-to-stand", "Sit to stand", LOW_LOAD, general,
                "Strengthens your legs for everyday life and for running.",
                List.of("Sit near the front of a firm chair with your feet flat and hip-width apart.",
                        "Lean forward over your feet.",
                        "Breathe out, gently lift your pelvic floor and stand up tall.",
                        "Sit back down slowly, with control."),
                List.of(PF_LIFT, BREATHE_OUT),
                dose(2, 10, 0, 1, 4),
                "Use a higher chair, or push up with your hands.",
                "Sit down more slowly, or hold a weight at your chest.",
                sitToStand(false)));

        all.add(exercise("slow-squat", "Slow squat", LOW_LOAD, general,
                "Strengthens your legs and bottom with control.",
                List.of("Stand with your feet hip-width apart.",
                        "Breathe in as you bend your knees and push your hips back, as if to sit on a chair.",
                        "Go down slowly, as far as is comfortable.",
                        "Breathe out, gently lift your pelvic floor and stand back up."),
                List.of("Breathe out as you stand up.", "Keep your knees in line with your toes.", PF_RELAX),
                dose(2, 10, 0, 1, 4),
                "Do not go down as far, or hold on to a worktop.",
                "Go down more slowly, counting to 4.",
                slowSquat()));

        all.add(exercise("calf-raise", "Calf raise", LOW_LOAD, general,
                "Strengthens your calves, which take a lot of the load when you run.",
                List.of("Stand tall with your feet hip-width apart. Hold a wall or worktop for balance.",
                        "Breathe out, gently lift your pelvic floor and rise up onto your toes.",
                        "Lower your heels slowly to the floor."),
                List.of(BREATHE_OUT, "Keep your weight over your big toes.", PF_RELAX),
                dose(2, 15, 0, 1, 4),
                "Rise up only a little way.",
                "Lower slowly, counting to 3, or move on to one leg.",
                calfRaise(false)));

        all.add(exercise("dead-bug", "Dead bug", LOW_LOAD, general,
                "Trains your tummy muscles to keep you steady while your arms and legs move.",
                List.of("Lie on your back with your arms up toward the ceiling.",
                        "Lift your legs so your knees are over your hips and bent at a right angle.",
                        "Breathe out, gently lift your pelvic floor and slowly reach one arm back and the opposite leg away.",
                        "Go only as far as you can keep your back still and your tummy flat.",
                        "Breathe in as you come back. Swap sides."),
                List.of(BREATHE_OUT, "Watch your tummy: if it bulges or domes, make it smaller.", PF_RELAX),
                dose(2, 8, 0, 1, 4),
                "Keep your feet on the floor and slide one heel away at a time.",
                "Straighten the leg fully and move more slowly.",
                deadBug()));

        all.add(exercise("bird-dog", "Bird dog", LOW_LOAD, general,
                "Trains your back, bottom and tummy to keep your trunk steady.",
                List.of("Go onto your hands and knees: hands under shoulders, knees under hips.",
                        "Breathe out, gently lift your pelvic floor and reach one arm forward and the opposite leg back.",
                        "Keep your back level, like a table top.",
                        "Hold for a moment, then come back. Swap sides."),
                List.of(BREATHE_OUT, "Keep your hips level; do not twist.", PF_RELAX),
                dose(2, 8, 3, 1, 4),
                "Move only one leg, or only one arm, at a time.",
                "Hold for longer, or touch elbow to knee under you between reaches.",
                birdDog()));

        all.add(exercise("heel-slide", "Heel slide", LOW_LOAD, general,
                "Trains your deep tummy muscle while your leg moves.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Breathe out, gently lift your pelvic floor and draw your lower tummy in.",
                        "Slowly slide one heel along the floor until your leg is nearly straight.",
                        "Breathe in and slide it back. Swap legs."),
                List.of(BREATHE_OUT, "Keep your back and pelvis still.", PF_RELAX),
                dose(2, 10, 0, 1, 5),
                "Slide your heel only half-way.",
                "Hover your heel just off the floor as you slide it.",
                heelSlide()));

        all.add(exercise("single-leg-balance", "Single-leg balance", LOW_LOAD, general,
                "Trains your balance and the control you need to land on one leg when you run.",
                List.of("Stand near a wall or worktop in case you need it.",
                        "Lift one foot just off the floor.",
                        "Stand tall and steady on the other leg for the time on your plan.",
                        "Swap legs."),
                List.of("Breathe normally.", "Keep your hips level and your standing knee soft."),
                dose(1, 3, 15, 1, 5),
                "Touch the wall lightly with one hand.",
                "Close your eyes, or stand on a cushion.",
                singleLegBalance()));
    }

    // ================================================================ stage 3: BUILD

    private static void buildStage(List<Exercise> all) {
        ExerciseKind general = ExerciseKind.GENERAL;
        String effort = "Choose a level that feels hard, about 7 or 8 out of 10, by the last few.";
        all.add(exercise("single-leg-bridge", "Single-leg bridge", BUILD, general,
                "Builds strength in your bottom and the back of your thigh. This is one of the strength tests for running: aim for 20 on each side.",
                List.of("Lie on your back with your knees bent and feet flat.",
                        "Straighten one leg in line with your other thigh.",
                        "Breathe out, gently lift your pelvic floor and lift your hips, pushing through the foot on the floor.",
                        "Keep your hips level at the top.",
                        "Lower slowly. Do all your repetitions, then swap legs."),
                List.of(PF_LIFT, BREATHE_OUT, effort),
                dose(3, 10, 0, 1, 3),
                "Keep both feet down and take most of the weight through one leg.",
                "Put your foot up on a step or sofa.",
                bridge(true)));

        all.add(exercise("single-leg-sit-to-stand", "Single-leg sit to stand", BUILD, general,
                "Builds strength in each leg on its own. This is one of the strength tests for running.",
                List.of("Sit near the front of a firm chair.",
                        "Lift one foot a little off the floor.",
                        "Lean forward, breathe out, gently lift your pelvic floor and stand up on one leg.",
                        "Sit back down slowly on the same leg.",
                        "Do all your repetitions, then swap legs."),
                List.of(PF_LIFT, BREATHE_OUT, effort),
                dose(3, 8, 0, 1, 3),
                "Use a higher chair, or keep the other foot lightly on the floor.",
                "Use a lower chair, or hold a weight.",
                sitToStand(true)));

        all.add(exercise("single-leg-calf-raise", "Single-leg calf raise", BUILD, general,
                "Builds strong calves for running. This is one of the strength tests: aim for 20 on each leg.",
                List.of("Stand on one leg, holding a wall lightly for balance.",
                        "Breathe out, gently lift your pelvic floor and rise up as high as you can on your toes.",
                        "Lower your heel slowly.",
                        "Do all your repetitions, then swap legs."),
                List.of(BREATHE_OUT, "Go all the way up each time.", effort),
                dose(3, 12, 0, 1, 3),
                "Go back to rising on both feet and lowering on one.",
                "Stand on the edge of a step so your heel can drop lower, or hold a weight.",
                calfRaise(true)));

        all.add(exercise("split-squat", "Split squat", BUILD, general,
                "Builds leg strength in a running-like stance.",
                List.of("Stand with one foot forward and one foot back, like a big step.",
                        "Rise onto the toes of your back foot.",
                        "Breathe in as you bend both knees and lower your back knee toward the floor.",
                        "Breathe out, gently lift your pelvic floor and push back up.",
                        "Do all your repetitions, then swap legs."),
                List.of("Breathe out as you push up.", "Keep your front knee over your foot.", effort),
                dose(3, 10, 0, 1, 3),
                "Do not go down as far, and hold on to a chair.",
                "Hold a weight in each hand, or put your back foot on a low step.",
                splitSquat()));

        all.add(exercise("step-up", "Step-up", BUILD, general,
                "Builds leg strength and control for hills and stairs.",
                List.of("Stand facing a sturdy step or the bottom stair.",
                        "Put one whole foot on the step.",
                        "Breathe out, gently lift your pelvic floor and push through that foot to step up tall.",
                        "Step down slowly with the other foot.",
                        "Do all your repetitions, then swap legs."),
                List.of(BREATHE_OUT, "Push through the heel of the foot on the step.", effort),
                dose(3, 10, 0, 1, 3),
                "Use a lower step and hold the banister.",
                "Use a higher step, or hold a weight.",
                stepUp()));

        all.add(exercise("side-plank", "Side plank", BUILD, general,
                "Strengthens the sides of your trunk and hips.",
                List.of("Lie on your side propped on your elbow, elbow under your shoulder.",
                        "Stack your feet, or bend your knees for an easier version.",
                        "Breathe out, gently lift your pelvic floor and lift your hips so your body is in a straight line.",
                        "Hold, breathing normally, for the time on your plan.",
                        "Lower slowly. Swap sides."),
                List.of("Keep breathing while you hold.",
                        "Watch your tummy: if it bulges or domes, do the easier version.", PF_RELAX),
                dose(1, 3, 20, 1, 3),
                "Keep your knees bent and on the floor.",
                "Lift your top arm to the ceiling, or lift your top leg.",
                sidePlank()));

        all.add(exercise("single-leg-squat", "Single-leg squat", BUILD, general,
                "Builds the strength and control you need to land on one leg. Aim for 10 on each leg.",
                List.of("Stand on one leg near a wall or worktop.",
                        "Breathe in as you bend your knee and push your hips back a little.",
                        "Go down as far as you can with control, knee in line with your toes.",
                        "Breathe out, gently lift your pelvic floor and stand back up.",
                        "Do all your repetitions, then swap legs."),
                List.of("Breathe out as you stand up.", "Keep your hips level and your knee over your foot.", effort),
                dose(3, 8, 0, 1, 3),
                "Do not go down as far, or sit down onto a high chair.",
                "Go lower and slower, or hold a weight.",
                singleLegSquat()));

        all.add(exercise("goblet-squat", "Squat with a weight", BUILD, general,
                "Builds leg strength with extra load, like carrying your baby.",
                List.of("Hold a weight, a kettlebell or a full water bottle at your chest.",
                        "Stand with your feet a little wider than hip-width apart.",
                        "Breathe in as you bend your knees and push your hips back.",
                        "Breathe out, gently lift your pelvic floor and stand back up."),
                List.of("Breathe out as you stand up.", "Keep your chest up.", effort),
                dose(3, 10, 0, 1, 3),
                "Use a lighter weight, or no weight.",
                "Use a heavier weight, or pause at the bottom.",
                gobletSquat()));

        all.add(exercise("pf-long-hold-standing", "Long gentle pelvic floor hold, standing", BUILD, general,
                "Builds pelvic floor stamina for longer activity, like a run. Part of the standing check before impact.",
                List.of("Stand tall with your feet hip-width apart.",
                        "Lift your pelvic floor gently, to about a third to a half of your strongest squeeze.",
                        "Keep this gentle lift for up to 60 seconds while you breathe normally.",
                        "Let go completely and rest."),
                List.of("Keep breathing all the way through.", "A gentle lift, not a strong squeeze.",
                        "Let it fully relax after."),
                dose(1, 1, 60, 1, 5),
                "Hold for 20 to 30 seconds.",
                "Keep the gentle lift while you walk around.",
                longHoldStanding()));
    }

    // ================================================================ stage 4: IMPACT PREP

    private static void impactPrep(List<Exercise> all) {
        ExerciseKind general = ExerciseKind.GENERAL;
        String symptoms = "Stop if you leak, feel heaviness or dragging, or have pain.";
        all.add(exercise("marching", "Marching on the spot", IMPACT_PREP, general,
                "Gets your body used to one-leg loading before any impact.",
                List.of("Stand tall.",
                        "Lift one knee to about hip height, then put the foot down.",
                        "Swing the opposite arm as you go.",
                        "Keep going, swapping legs, at a steady rhythm."),
                List.of("Breathe easily.", "Keep a gentle lift in your pelvic floor as each foot lands.", symptoms),
                dose(2, 20, 0, 1, 3),
                "March more slowly with lower knees.",
                "March faster, then move on to stomping.",
                marching()));

        all.add(exercise("stomping", "Stomping", IMPACT_PREP, general,
                "Adds a little impact so your pelvic floor learns to react as your foot hits the ground.",
                List.of("Stand tall with your feet hip-width apart.",
                        "Lift one foot and stamp it down firmly.",
                        "Swap feet and keep a steady rhythm.",
                        "Stop after the number on your plan."),
                List.of("Breathe easily.", "Gently lift your pelvic floor just before each foot lands.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Stamp more softly.",
                "Stamp harder and faster.",
                stomping()));

        all.add(exercise("jog-on-spot", "Jog on the spot", IMPACT_PREP, general,
                "Your first taste of running impact. The running test is 1 minute without symptoms.",
                List.of("Stand tall.",
                        "Jog gently on the spot, landing softly on the balls of your feet.",
                        "Swing your arms as you would when running.",
                        "Keep going for the time on your plan, then rest."),
                List.of("Breathe easily. You should be able to talk.", "Land softly and quietly.", symptoms),
                dose(3, 1, 60, 1, 3),
                "Jog for 20 to 30 seconds at a time.",
                "Lift your knees higher, or jog for 2 minutes.",
                jogOnSpot()));

        all.add(exercise("squat-jumps", "Squat jumps", IMPACT_PREP, general,
                "Builds power and tests how your pelvic floor copes with landing from a jump.",
                List.of("Stand with your feet hip-width apart.",
                        "Bend your knees into a small squat.",
                        "Breathe out and jump straight up.",
                        "Land softly with bent knees, and go straight into the next one."),
                List.of("Breathe out as you jump.", "Gently lift your pelvic floor before you take off.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Rise onto your toes instead of jumping.",
                "Jump higher, or do them one after another without a pause.",
                squatJumps()));

        all.add(exercise("forward-bounds", "Forward bounds", IMPACT_PREP, general,
                "Long springy steps from one foot to the other, as in running but bigger. A running test.",
                List.of("Stand with space in front of you.",
                        "Push off one foot and leap forward onto the other.",
                        "Land softly with your knee bent, then push off again.",
                        "Keep going for the number on your plan."),
                List.of("Breathe out as you push off.", "Land softly, knee over foot.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Take smaller, lower bounds.",
                "Bound further, or hold each landing for 2 seconds.",
                forwardBounds()));

        all.add(exercise("double-leg-hops", "Hops on both feet", IMPACT_PREP, general,
                "Small springy jumps that train your pelvic floor and calves for running.",
                List.of("Stand tall with your feet together.",
                        "Hop up and down on the spot, both feet together.",
                        "Keep the hops small and bouncy, landing on the balls of your feet.",
                        "Rest after the number on your plan."),
                List.of("Breathe easily.", "Keep a gentle lift in your pelvic floor.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Do fewer hops, or make them very small.",
                "Hop forwards and back, or side to side.",
                doubleLegHops()));

        all.add(exercise("single-leg-hops", "Hops on one leg", IMPACT_PREP, general,
                "Hopping on one leg, as running lands on one leg at a time. A running test: 10 on each leg.",
                List.of("Stand on one leg, near a wall if you need it.",
                        "Hop up and down on the spot.",
                        "Land softly on the ball of your foot with your knee slightly bent.",
                        "Do all your hops, then swap legs."),
                List.of("Breathe easily.", "Keep your knee over your foot.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Go back to hops on both feet.",
                "Hop forwards and back, or side to side.",
                singleLegHops()));

        all.add(exercise("running-man", "Running man", IMPACT_PREP, general,
                "Trains balance and control through the running action on one leg. A running test.",
                List.of("Stand on one leg with the knee slightly bent.",
                        "Drive the other knee up in front while the opposite arm swings forward.",
                        "Then swing the leg back behind you while the arm swings back.",
                        "Keep going smoothly for the number on your plan, then swap legs."),
                List.of("Breathe easily.", "Stay tall and steady on your standing leg.", symptoms),
                dose(2, 10, 0, 1, 3),
                "Move more slowly and hold a wall.",
                "Move faster, or rise onto your toes as the knee comes up.",
                runningMan()));

        all.add(exercise("skipping", "Skipping", IMPACT_PREP, general,
                "Light, bouncy impact with a rhythm, like running.",
                List.of("Skip forwards: step, hop, swap feet.",
                        "Swing your arms with your legs.",
                        "Stay light on your feet.",
                        "Keep going for the time on your plan."),
                List.of("Breathe easily.", "Land softly.", symptoms),
                dose(3, 1, 30, 1, 3),
                "Skip more slowly with small hops.",
                "Skip higher or for longer, or use a skipping rope.",
                skipping()));
    }

    // ================================================================ stage 5: WALK-RUN

    private static void walkRun(List<Exercise> all) {
        ExerciseKind general = ExerciseKind.GENERAL;
        all.add(exercise(WALK_RUN_INTERVALS, "Walk-run intervals", WALK_RUN, general,
                "Brings you back to running gradually, by mixing short easy runs with walking.",
                List.of("Start with a 5-minute brisk walk.",
                        "Then run easily, then walk. One run and one walk make one round. Your walk-run plan gives "
                                + "the times, or your physiotherapist does.",
                        "Do this week's number of rounds.",
                        "Finish with a 5-minute walk.",
                        "Change only one thing at a time when you progress: run time, walk time, speed or how often."),
                List.of("Run at an easy pace: you should be able to talk. Breathe easily and stay relaxed.",
                        "If you leak, feel heaviness or dragging, or have pain during a run, stop and walk.",
                        "Increase by no more than about 10 percent a week."),
                dose(1, 8, 0, 1, 3),
                "Run for 30 seconds and walk for 2 minutes.",
                "Run for 2 minutes and walk for 1 minute, and keep adding run time week by week.",
                walkRunIntervals()));

        all.add(exercise("warm-up-walk", "Warm-up walk", WALK_RUN, general,
                "Warms up your muscles and joints before you run.",
                List.of("Walk briskly for 5 to 10 minutes.",
                        "Swing your arms and lengthen your stride as you warm up.",
                        "Add a few quick pelvic floor squeezes as you go."),
                List.of("Breathe easily.", "Let your pelvic floor fully relax between squeezes."),
                dose(1, 1, 0, 1, 3),
                "Walk at a gentle pace.",
                "Add a few marching steps, skips or small hops at the end.",
                warmUpWalk()));

        all.add(exercise("cool-down", "Cool-down and calf stretch", WALK_RUN, general,
                "Helps your body settle after running and keeps your calves supple.",
                List.of("Walk slowly for 5 minutes after your run.",
                        "Face a wall with your hands on it.",
                        "Step one leg back with the heel down and the leg straight. Bend your front knee.",
                        "Lean forward until you feel a stretch in the back calf, and hold.",
                        "Swap legs."),
                List.of("Breathe slowly and let your pelvic floor relax.", "A gentle stretch, never pain."),
                dose(1, 2, 30, 1, 3),
                "Take a smaller step back.",
                "Bend the back knee a little to stretch lower down the calf too.",
                coolDown()));

        all.add(exercise("strength-circuit", "Strength circuit", WALK_RUN, general,
                "Keeps your strength up while you run more. Keep doing it through walk-run and running.",
                List.of("Do these one after another: single-leg bridge, split squat, single-leg calf raise, side plank.",
                        "Do 10 of each on each side, and hold the side plank for 20 seconds.",
                        "Rest for a minute, then go round again.",
                        "Do it on days when you do not run."),
                List.of(PF_LIFT, BREATHE_OUT, "It should feel hard, about 7 or 8 out of 10, by the end."),
                dose(2, 10, 0, 1, 2),
                "Go round once.",
                "Go round three times, or hold a weight.",
                strengthCircuit()));

        all.add(exercise("post-run-check", "After-run check", WALK_RUN, general,
                "Helps you notice how your body coped with the run, so you and your physiotherapist can plan the next step.",
                List.of("Within an hour of your run, stop and notice how you feel.",
                        "Check for leaking, heaviness or dragging, pain, or a bulge in your tummy.",
                        "Check again the next morning.",
                        "Write down how long you ran and anything you noticed.",
                        "If you had any symptoms, go back a step next time and tell your physiotherapist."),
                List.of("Take a few slow breaths and let your pelvic floor fully relax.",
                        "If you had no symptoms, you may change one thing next time, as your plan says."),
                dose(1, 1, 0, 1, 3),
                "Just notice whether you had any symptoms.",
                "Also note how many minutes into the run any symptom started.",
                postRunCheck()));
    }

    // ================================================================ stage 6: RUN

    private static void run(List<Exercise> all) {
        ExerciseKind general = ExerciseKind.GENERAL;
        String symptoms = "If you leak, feel heaviness or dragging, or have pain, stop and walk.";
        all.add(exercise("easy-run", "Easy continuous run", RUN, general,
                "Running without walk breaks, at a relaxed pace.",
                List.of("Warm up with a 5-minute brisk walk.",
                        "Run at an easy pace for the time on your plan.",
                        "Walk for 5 minutes to cool down.",
                        "Have at least a day off between runs."),
                List.of("Easy pace: you can talk in full sentences. Breathe easily.", symptoms),
                dose(1, 1, 0, 1, 3),
                "Go back to walk-run intervals.",
                "Run for a few minutes longer, by no more than about 10 percent a week.",
                easyRun()));

        all.add(exercise("run-longer", "Run longer before faster", RUN, general,
                "Builds your running time first; speed comes later.",
                List.of("Keep your usual easy pace.",
                        "Once a week, add a few minutes to one run.",
                        "Keep the other runs the same.",
                        "Add speed later, once your longer runs feel easy."),
                List.of("Keep your breathing easy: if you cannot talk, slow down.",
                        "Change one thing at a time: time, speed, distance or how often.",
                        "Increase by no more than about 10 percent a week.", symptoms),
                dose(1, 1, 0, 1, 1),
                "Keep the same run time for another week.",
                "Add a short faster section in the middle of one run.",
                runLonger()));

        all.add(exercise("buggy-run", "Running with a buggy", RUN, general,
                "Running while pushing your baby in a running buggy. Not before about 6 months after birth.",
                List.of("Use a buggy made for running, with the wrist strap on.",
                        "Start with a short, flat route at an easy pace.",
                        "Push with both hands, stay tall and keep your arms relaxed.",
                        "Build up slowly: pushing a buggy is harder work than running alone."),
                List.of("Breathe easily and stay tall; do not lean on the handle.", symptoms),
                dose(1, 1, 0, 1, 1),
                "Walk with the buggy, with a few short runs.",
                "Run a little further, or add a gentle slope.",
                buggyRun()));

        all.add(exercise("strides", "Strides", RUN, general,
                "Short, relaxed faster bursts that bring back your speed.",
                List.of("After an easy run, find a flat stretch.",
                        "Speed up gradually for about 20 seconds until you are running fast but relaxed.",
                        "Slow down, walk back and rest.",
                        "Repeat for the number on your plan."),
                List.of("Breathe out strongly as you speed up.", "Stay tall and relaxed.", symptoms),
                dose(1, 4, 20, 1, 1),
                "Do 2 strides, not quite as fast.",
                "Do 6 strides.",
                strides()));

        all.add(exercise("hill-walk-run", "Hills", RUN, general,
                "Builds strength and fitness going up, and control coming down.",
                List.of("Find a gentle slope.",
                        "Walk briskly up it, or run easily if that is on your plan.",
                        "Walk slowly back down.",
                        "Repeat for the number on your plan."),
                List.of("Breathe out as you push up the hill.", "Take short steps coming down.", symptoms),
                dose(1, 6, 0, 1, 1),
                "Walk up and down a gentle slope.",
                "Run up a steeper or longer hill.",
                hills()));
    }

    // ================================================================ drawings

    /** How a pelvic floor exercise is marked: finding it, a hold, quick squeezes. */
    private enum Cue {
        FIND, HOLD, QUICK
    }

    /** Standing tall at x, facing right, arms by the sides. */
    private static Body standing(double x) {
        return Body.hipAt(x, ANKLE - 41.8).leg(A, x - 2, ANKLE).leg(B, x + 2, ANKLE).armsDown();
    }

    /** Lying on the back, knees bent, feet flat; head to the left, hip at x, arms along the floor. */
    private static Body crookLying(double hipX) {
        return Body.hipAt(hipX, LYING).torso(180).head(190)
                .leg(A, hipX + 27, ANKLE, -90, 0)
                .leg(B, hipX + 29, ANKLE, -90, 0)
                .armAngles(A, 20, 0)
                .armAngles(B, 22, 2);
    }

    /** Hands resting on the tummy, elbows on the floor by the sides. */
    private static Body handsOnTummy(Body body) {
        Figure.Point belly = body.torsoAt(0.3);
        Figure.Point shoulder = body.shoulder();
        double elbowX = shoulder.x() + 7;
        return body.armThrough(A, elbowX, FLOOR - 3, belly.x(), belly.y() - 8)
                .armThrough(B, elbowX - 1, FLOOR - 3, belly.x() - 4, belly.y() - 8);
    }

    /** Sitting upright on a chair (drawn separately), facing right, hip at x. */
    private static Body sitting(double x) {
        double hipY = SEAT - 3;
        return Body.hipAt(x, hipY)
                .leg(A, x + 22, ANKLE)
                .leg(B, x + 24, ANKLE)
                .arm(A, x + 14, hipY - 3, 150)
                .arm(B, x + 16, hipY - 2, 150);
    }

    /** Lying on the left side, seen from the front: head left resting on the lower arm, hip at x. */
    private static Body sideLying(double hipX) {
        double hipY = FLOOR - 10;
        return Body.hipAt(hipX, hipY).torso(180).head(184)
                .armAngles(B, 166, 176)
                .arm(A, hipX - 3, hipY - 2, -90);
    }

    /** On hands and knees, facing right, hip at x. */
    private static Body fourPoint(double hipX) {
        double hipY = FLOOR - 3 - Figure.THIGH;
        Body body = Body.hipAt(hipX, hipY).torso(-15).head(0)
                .legAngles(A, 90, 180, 180)
                .legAngles(B, 92, 181, 180);
        double sx = body.shoulder().x();
        return body.arm(A, sx + 1, FLOOR - 2.5, 180).arm(B, sx + 3, FLOOR - 2.5, 180);
    }

    /** Walking to the right, hip at x. */
    private static Body walker(double x) {
        return Body.hipAt(x, ANKLE - 39.5).torso(-88)
                .leg(A, x + 13, ANKLE, 0, -15)
                .leg(B, x - 12, ANKLE - 3, 0, 40)
                .armAngles(A, 112, 100)
                .armAngles(B, 68, 40);
    }

    /** Running to the right, hip at x, hip height y, leaning forward by {@code lean} degrees. */
    private static Body runner(double x, double y, double lean) {
        return Body.hipAt(x, y).torso(-90 + lean).head(-90 + lean * 0.5)
                .legAngles(A, 55, 100, 5)
                .legAngles(B, 118, 160, 125)
                .armAngles(A, 60, -35)
                .armAngles(B, 135, 75);
    }

    private static Illustration breathingPf() {
        Body body = handsOnTummy(crookLying(100));
        return Figure.sketch().floor().mat(40, 160).body(body)
                .breath(62, 92, 30)
                .arrow(112, 104, 112, 90)
                .build();
    }

    private static Illustration pelvicFloorLying(Cue cue) {
        Body body = crookLying(100);
        Figure figure = Figure.sketch().floor().mat(40, 160).body(body).dot(100, LYING, 2.5);
        return marked(figure, cue, 100, LYING - 6, 150, 40).build();
    }

    private static Illustration pelvicFloorSitting(Cue cue) {
        Body body = sitting(96);
        Figure figure = Figure.sketch().floor().chair(108, true).body(body).dot(96, SEAT - 3, 2.5);
        return marked(figure, cue, 74, SEAT - 4, 150, 40).build();
    }

    private static Illustration pelvicFloorStanding(Cue cue) {
        Body body = standing(100);
        Figure figure = Figure.sketch().floor().body(body).dot(100, body.hip().y(), 2.5);
        return marked(figure, cue, 86, body.hip().y() - 4, 150, 40).build();
    }

    /** The pelvic floor marks: an up arrow beside the pelvis, and a clock or quick chevrons. */
    private static Figure marked(Figure figure, Cue cue, double arrowX, double arrowBottom, double iconX,
            double iconY) {
        figure.arrow(arrowX, arrowBottom, arrowX, arrowBottom - 16);
        return switch (cue) {
            case FIND -> figure;
            case HOLD -> figure.clock(iconX, iconY, 12);
            case QUICK -> figure.pulses(iconX - 9, iconY + 8);
        };
    }

    private static Illustration relaxBreathing() {
        double hipX = 95;
        Body body = Body.hipAt(hipX, LYING).torso(180).head(190)
                .leg(A, hipX + 36, ANKLE, -90, -60)
                .leg(B, hipX + 38, ANKLE, -90, -55);
        handsOnTummy(body);
        return Figure.sketch().floor().mat(40, 160).roll(hipX + 20, 7.5).body(body)
                .breath(55, 92, 40)
                .build();
    }

    private static Illustration pelvicFloorDrop() {
        double hipX = 90;
        Body body = Body.hipAt(hipX, LYING).torso(180).head(190)
                .legAngles(A, -85, 0, -75)
                .legAngles(B, -88, 2, -70)
                .armAngles(A, 20, 0)
                .armAngles(B, 22, 2);
        return Figure.sketch().floor().mat(30, 100).box(100, 130, LYING - Figure.THIGH + 3).body(body)
                .breath(48, 90, 30)
                .build();
    }

    private static Illustration childPose() {
        // Kneeling, sitting back toward the heels, chest toward the thighs, forehead resting on the forearms.
        double hipX = 81;
        double hipY = 108;
        Body body = Body.hipAt(hipX, hipY).torso(9).head(31)
                .leg(A, hipX - 5, ANKLE, 0, 180)
                .leg(B, hipX - 3, ANKLE, 0, 180)
                .arm(A, hipX + 46, ANKLE, 90)
                .arm(B, hipX + 44, ANKLE - 0.5, 90);
        return Figure.sketch().floor().mat(40, 160).body(body)
                .breath(hipX - 4, hipY - 16, 30)
                .build();
    }

    private static Illustration kneeHug() {
        double hipX = 108;
        Body body = Body.hipAt(hipX, LYING).torso(180).head(190)
                .legAngles(A, -108, 4, -40)
                .legAngles(B, -104, 8, -36);
        Figure.Point knee = body.knee(A);
        body.arm(A, knee.x() + 1, knee.y() + 1, 135).arm(B, knee.x() + 3, knee.y() + 2, 135);
        return Figure.sketch().floor().mat(40, 160).body(body)
                .breath(60, 92, 30)
                .build();
    }

    private static Illustration deepTummy() {
        Body body = handsOnTummy(crookLying(100));
        return Figure.sketch().floor().mat(40, 160).body(body)
                .arrow(88, 92, 88, 106)
                .build();
    }

    private static Illustration fourPointDrawIn() {
        Body body = fourPoint(80);
        Figure.Point belly = body.torsoAt(0.45);
        return Figure.sketch().floor().mat(40, 150).body(body)
                .arrow(belly.x(), FLOOR - 7, belly.x(), belly.y() + 5)
                .build();
    }

    private static Illustration knack() {
        Body body = standing(100);
        Figure.Point head = body.headCentre();
        body.arm(A, head.x() + 6, head.y() + 9, 60);
        return Figure.sketch().floor().body(body)
                .line(head.x() + 13, head.y() + 2, head.x() + 20, head.y() - 1)
                .line(head.x() + 13, head.y() + 6, head.x() + 21, head.y() + 6)
                .line(head.x() + 13, head.y() + 10, head.x() + 20, head.y() + 13)
                .dot(100, body.hip().y(), 2.5)
                .arrow(86, body.hip().y() + 4, 86, body.hip().y() - 12)
                .build();
    }

    private static Illustration walking() {
        return Figure.sketch().floor().body(walker(95)).arrow(130, 110, 160, 110).build();
    }

    private static Illustration bridge(boolean singleLeg) {
        double hipX = 105;
        double hipY = 100;
        Body body = Body.hipAt(hipX, hipY).torso(148).head(186)
                .leg(A, hipX + 30, ANKLE, -90, 0)
                .armAngles(A, 40, 2)
                .armAngles(B, 42, 4);
        if (singleLeg) {
            body.legAngles(B, -32, -32, -85);
        } else {
            body.leg(B, hipX + 32, ANKLE, -90, 0);
        }
        return Figure.sketch().floor().mat(40, 160).body(body)
                .arrow(hipX, FLOOR - 6, hipX, hipY + 6)
                .build();
    }

    private static Illustration clamshell() {
        double hipX = 112;
        Body body = sideLying(hipX);
        double hipY = body.hip().y();
        body.legThrough(B, hipX + 17, FLOOR - 4.5, hipX + 34, FLOOR - 5, 60)
                .legThrough(A, hipX + 16, hipY - 17, hipX + 34, FLOOR - 7, 60);
        return Figure.sketch().floor().mat(30, 170).body(body)
                .curvedArrow(hipX + 26, hipY - 4, hipX + 32, hipY - 16, hipX + 24, hipY - 24)
                .build();
    }

    private static Illustration sideLyingLegLift() {
        double hipX = 105;
        Body body = sideLying(hipX);
        body.legThrough(B, hipX + 18, FLOOR - 4.5, hipX + 34, FLOOR - 5, 70)
                .legAngles(A, -20, -20, 20);
        Figure.Point foot = body.foot(A);
        return Figure.sketch().floor().mat(30, 170).body(body)
                .curvedArrow(foot.x() + 6, foot.y() + 16, foot.x() + 12, foot.y() + 6, foot.x() + 8, foot.y() - 6)
                .build();
    }

    private static Illustration sitToStand(boolean singleLeg) {
        double hipX = 92;
        double hipY = 98;
        Body body = Body.hipAt(hipX, hipY).torso(-52).head(-62)
                .leg(A, hipX + 20, ANKLE)
                .armAngles(A, -8, -8)
                .armAngles(B, -3, -3);
        if (singleLeg) {
            body.legAngles(B, 20, 20, -60);
        } else {
            body.leg(B, hipX + 22, ANKLE);
        }
        return Figure.sketch().floor().chair(hipX + 4, true).body(body)
                .curvedArrow(hipX - 20, hipY + 2, hipX - 18, hipY - 16, hipX - 6, hipY - 24)
                .build();
    }

    private static Illustration slowSquat() {
        double hipX = 88;
        double hipY = 100;
        Body body = Body.hipAt(hipX, hipY).torso(-58).head(-70)
                .leg(A, hipX + 20, ANKLE)
                .leg(B, hipX + 22, ANKLE)
                .armAngles(A, -5, -5)
                .armAngles(B, 0, 0);
        return Figure.sketch().floor().body(body).twoWayArrow(55, 72, 55, 106).build();
    }

    private static Illustration calfRaise(boolean singleLeg) {
        double x = 100;
        double ankleY = ANKLE - 8;
        Body body = Body.hipAt(x, ankleY - 41.8).leg(A, x - 1, ankleY, 0, 62).armAngles(B, 96, 84);
        if (singleLeg) {
            body.legAngles(B, 100, 155, 110);
        } else {
            body.leg(B, x + 1, ankleY, 0, 64);
        }
        Figure.Point shoulder = body.shoulder();
        body.arm(A, 124, shoulder.y() + 8, 90);
        return Figure.sketch().floor().wall(125, 30).body(body)
                .arrow(70, 104, 70, 82)
                .build();
    }

    private static Illustration deadBug() {
        double hipX = 112;
        Body body = Body.hipAt(hipX, LYING).torso(180).head(190)
                .legAngles(A, -90, 0, -30)
                .legAngles(B, -12, -12, -50)
                .armAngles(A, -88, -88)
                .armAngles(B, 236, 236);
        return Figure.sketch().floor().mat(30, 170).body(body).build();
    }

    private static Illustration birdDog() {
        double hipX = 85;
        Body body = Body.hipAt(hipX, FLOOR - 3 - Figure.THIGH).torso(-15).head(25)
                .legAngles(A, 90, 180, 180)
                .legAngles(B, 178, 178, 95);
        double sx = body.shoulder().x();
        body.arm(B, sx + 2, FLOOR - 2.5, 180).armAngles(A, -35, -35);
        return Figure.sketch().floor().mat(20, 160).body(body).build();
    }

    private static Illustration heelSlide() {
        double hipX = 95;
        Body body = crookLying(hipX).leg(B, hipX + 40, ANKLE, -90, -40);
        return Figure.sketch().floor().mat(40, 160).body(body)
                .twoWayArrow(hipX + 28, 100, hipX + 52, 100)
                .build();
    }

    /** Seen from the front: standing on one leg, the other foot lifted behind, arms out for balance. */
    private static Illustration singleLegBalance() {
        double x = 100;
        double hipY = ANKLE - 41.8;
        Body body = Body.hipAt(x, hipY)
                .leg(A, x - 6, ANKLE, 180, 180)
                .legThrough(B, x + 7, hipY + 21, x + 9, hipY + 31, 20)
                .armAngles(A, 150, 160)
                .armAngles(B, 30, 20);
        return Figure.sketch().floor().body(body).build();
    }

    private static Illustration splitSquat() {
        double hipX = 92;
        double hipY = 104;
        Body body = Body.hipAt(hipX, hipY).torso(-88)
                .leg(A, hipX + 24, ANKLE)
                .leg(B, hipX - 22, ANKLE - 4, 90, 60)
                .armsDown();
        return Figure.sketch().floor().body(body).twoWayArrow(150, 74, 150, 108).build();
    }

    private static Illustration stepUp() {
        double hipX = 100;
        double hipY = 83;
        double stepTop = FLOOR - 24;
        Body body = Body.hipAt(hipX, hipY).torso(-80).head(-84)
                .leg(A, hipX + 22, stepTop - 2.5)
                .leg(B, hipX - 14, ANKLE - 3, 0, 40)
                .armAngles(A, 60, -20)
                .armAngles(B, 120, 100);
        return Figure.sketch().floor().box(108, 160, stepTop).body(body)
                .arrow(172, 96, 172, 72)
                .build();
    }

    /** Seen from the front: propped on the lower forearm, body in a straight line, top hand on the hip. */
    private static Illustration sidePlank() {
        double shoulderX = 62;
        double shoulderY = FLOOR - 3 - Figure.UPPER_ARM;
        double length = Figure.TORSO - Figure.SHOULDER_DROP + Figure.THIGH + Figure.SHIN;
        double alpha = Math.toDegrees(Math.asin((ANKLE - 1 - shoulderY) / length));
        double toHip = Figure.TORSO - Figure.SHOULDER_DROP;
        double hipX = shoulderX + toHip * Math.cos(Math.toRadians(alpha));
        double hipY = shoulderY + toHip * Math.sin(Math.toRadians(alpha));
        Body body = Body.hipAt(hipX, hipY).torso(180 + alpha).head(180 + alpha - 8)
                .legAngles(A, alpha, alpha, -70)
                .legAngles(B, alpha + 1, alpha + 1, -60)
                .armAngles(B, 90, 180);
        body.arm(A, hipX - 2, hipY - 4, -90);
        return Figure.sketch().floor().body(body)
                .arrow(hipX + 6, hipY - 8, hipX + 6, hipY - 24)
                .build();
    }

    private static Illustration singleLegSquat() {
        double hipX = 90;
        double hipY = 94;
        Body body = Body.hipAt(hipX, hipY).torso(-65).head(-75)
                .leg(A, hipX + 12, ANKLE)
                .legAngles(B, 30, 32, -60)
                .armAngles(A, -10, -10)
                .armAngles(B, -4, -4);
        return Figure.sketch().floor().body(body).twoWayArrow(60, 70, 60, 104).build();
    }

    private static Illustration gobletSquat() {
        double hipX = 90;
        double hipY = 104;
        Body body = Body.hipAt(hipX, hipY).torso(-72).head(-82)
                .leg(A, hipX + 20, ANKLE)
                .leg(B, hipX + 23, ANKLE);
        Figure.Point shoulder = body.shoulder();
        double hx = shoulder.x() + 11;
        double hy = shoulder.y() + 9;
        body.arm(A, hx, hy, 90).arm(B, hx + 1, hy + 1, 90);
        // a kettlebell held at the chest: filled bell under the hands, handle between them
        return Figure.sketch().floor().body(body)
                .dot(hx + 1.5, hy + 7, 4.5)
                .stroke("M" + Figure.xy(hx - 1.5, hy + 4) + " Q" + Figure.xy(hx + 1.5, hy - 2) + " "
                        + Figure.xy(hx + 4.5, hy + 4))
                .twoWayArrow(55, 74, 55, 108)
                .build();
    }

    private static Illustration longHoldStanding() {
        Body body = standing(100);
        return Figure.sketch().floor().body(body)
                .dot(100, body.hip().y(), 2.5)
                .arrow(86, body.hip().y() - 4, 86, body.hip().y() - 16)
                .clock(150, 40, 12)
                .gauge(135, 62, 30, 7, 0.4)
                .build();
    }

    private static Illustration marching() {
        double x = 100;
        Body body = Body.hipAt(x, ANKLE - 41.8).leg(A, x - 1, ANKLE)
                .legAngles(B, 5, 92, 0)
                .armAngles(A, 60, -20)
                .armAngles(B, 120, 100);
        Figure.Point foot = body.foot(B);
        return Figure.sketch().floor().body(body)
                .twoWayArrow(foot.x() + 16, foot.y() - 6, foot.x() + 16, FLOOR - 6)
                .build();
    }

    private static Illustration stomping() {
        double x = 96;
        Body body = Body.hipAt(x, ANKLE - 41.5).torso(-90)
                .leg(A, x - 2, ANKLE)
                .legAngles(B, 40, 100, 0)
                .armAngles(A, 65, -15)
                .armAngles(B, 115, 95);
        Figure.Point foot = body.foot(B);
        return Figure.sketch().floor().body(body)
                .arrow(foot.x() + 3, foot.y() + 3, foot.x() + 3, FLOOR - 6)
                .impact(foot.x() + 3, FLOOR)
                .build();
    }

    private static Illustration jogOnSpot() {
        double x = 100;
        double ankleY = ANKLE - 5;
        Body body = Body.hipAt(x, ankleY - 40.5).torso(-86)
                .leg(A, x + 2, ankleY, 0, 55)
                .legAngles(B, 30, 110, 40)
                .armAngles(A, 60, -30)
                .armAngles(B, 130, 70);
        return Figure.sketch().floor().body(body)
                .twoWayArrow(60, 70, 60, 104)
                .impact(x + 6, FLOOR)
                .build();
    }

    private static Illustration squatJumps() {
        double x = 100;
        double hipY = 68;
        Body body = Body.hipAt(x, hipY).torso(-90)
                .legAngles(A, 84, 98, 70)
                .legAngles(B, 96, 88, 80)
                .armAngles(A, -22, -32)
                .armAngles(B, -30, -40);
        return Figure.sketch().floor().body(body)
                .impact(x - 10, FLOOR)
                .impact(x + 12, FLOOR)
                .arrow(60, 112, 60, 80)
                .build();
    }

    private static Illustration forwardBounds() {
        double x = 105;
        double hipY = 72;
        Body body = Body.hipAt(x, hipY).torso(-78).head(-84)
                .legAngles(A, 25, 95, 0)
                .legAngles(B, 125, 160, 150)
                .armAngles(A, 110, 150)
                .armAngles(B, 40, -40);
        return Figure.sketch().floor().body(body)
                .curvedArrow(40, 122, 100, 96, 165, 122)
                .build();
    }

    /** Seen from the front: both feet off the floor together, knees soft. */
    private static Illustration doubleLegHops() {
        double x = 100;
        double hipY = 72;
        Body body = Body.hipAt(x, hipY).torso(-90)
                .legThrough(A, x - 7, hipY + 20, x - 5, hipY + 40, 160)
                .legThrough(B, x + 7, hipY + 20, x + 5, hipY + 40, 20)
                .armAngles(A, 115, 80)
                .armAngles(B, 65, 100);
        return Figure.sketch().floor().body(body)
                .twoWayArrow(60, 78, 60, 112)
                .impact(x - 8, FLOOR)
                .impact(x + 8, FLOOR)
                .build();
    }

    private static Illustration singleLegHops() {
        double x = 100;
        double hipY = 74;
        Body body = Body.hipAt(x, hipY).torso(-88)
                .legAngles(A, 88, 96, 65)
                .legAngles(B, 105, 170, 120)
                .armAngles(A, 115, 30)
                .armAngles(B, 70, -20);
        return Figure.sketch().floor().body(body)
                .twoWayArrow(140, 78, 140, 112)
                .impact(x + 4, FLOOR)
                .build();
    }

    private static Illustration runningMan() {
        double x = 100;
        Body body = Body.hipAt(x, ANKLE - 40).torso(-82).head(-86)
                .leg(A, x - 3, ANKLE, 0, 0)
                .legAngles(B, -8, 90, 10)
                .armAngles(A, 140, 70)
                .armAngles(B, 50, -50);
        Figure.Point foot = body.foot(B);
        return Figure.sketch().floor().body(body)
                .curvedArrow(foot.x() + 14, foot.y() + 14, foot.x() + 22, foot.y() - 4, foot.x() + 12, foot.y() - 22)
                .build();
    }

    private static Illustration skipping() {
        double x = 95;
        Body body = Body.hipAt(x, ANKLE - 8 - 40).torso(-86)
                .leg(A, x - 2, ANKLE - 8, 0, 70)
                .legAngles(B, 0, 92, 10)
                .armAngles(A, -15, -65)
                .armAngles(B, 130, 95);
        return Figure.sketch().floor().body(body)
                .curvedArrow(135, 112, 152, 92, 170, 112)
                .build();
    }

    private static Illustration walkRunIntervals() {
        return Figure.sketch().floor()
                .body(walker(45))
                .arrow(75, 90, 105, 90)
                .body(runner(140, ANKLE - 41, 10))
                .clock(90, 30, 10)
                .build();
    }

    private static Illustration warmUpWalk() {
        return Figure.sketch().floor().body(walker(90))
                .arrow(120, 112, 150, 112)
                .clock(155, 40, 12)
                .build();
    }

    private static Illustration coolDown() {
        double hipX = 100;
        double hipY = 96;
        Body body = Body.hipAt(hipX, hipY).torso(-55).head(-65)
                .leg(A, hipX + 18, ANKLE)
                .leg(B, hipX - 28, ANKLE, 0, 0);
        Figure.Point shoulder = body.shoulder();
        body.arm(A, 140, shoulder.y() + 4, 90).arm(B, 140, shoulder.y() + 7, 90);
        return Figure.sketch().floor().wall(141, 30).body(body).build();
    }

    private static Illustration strengthCircuit() {
        double hipX = 88;
        double hipY = 104;
        Body body = Body.hipAt(hipX, hipY).torso(-88)
                .leg(A, hipX + 24, ANKLE)
                .leg(B, hipX - 22, ANKLE - 4, 90, 60)
                .armsDown();
        return Figure.sketch().floor().body(body).loopArrow(155, 45, 14).build();
    }

    private static Illustration postRunCheck() {
        Body body = standing(90);
        Figure.Point belly = body.torsoAt(0.25);
        body.arm(A, belly.x() + 6, belly.y(), 120);
        return Figure.sketch().floor().body(body)
                .stroke("M138 30 L162 30 L162 54 L138 54 Z")
                .tick(143, 42)
                .build();
    }

    private static Illustration easyRun() {
        return Figure.sketch().floor().body(runner(105, ANKLE - 41, 8))
                .speedLines(70, 70, true)
                .build();
    }

    private static Illustration runLonger() {
        return Figure.sketch().floor().body(runner(80, ANKLE - 41, 8))
                .clock(150, 42, 12)
                .arrow(130, 70, 172, 70)
                .build();
    }

    private static Illustration buggyRun() {
        double x = 62;
        Body body = Body.hipAt(x, ANKLE - 41).torso(-82).head(-86)
                .legAngles(A, 55, 100, 5)
                .legAngles(B, 118, 160, 125);
        Figure.Point shoulder = body.shoulder();
        double handleX = shoulder.x() + 25;
        double handleY = shoulder.y() + 12;
        body.arm(A, handleX, handleY, 90).arm(B, handleX - 1, handleY + 1, 90);
        return Figure.sketch().floor().body(body).buggy(handleX, handleY).build();
    }

    private static Illustration strides() {
        double x = 110;
        Body body = Body.hipAt(x, ANKLE - 40).torso(-76).head(-82)
                .legAngles(A, 40, 95, 5)
                .legAngles(B, 130, 165, 135)
                .armAngles(A, 50, -50)
                .armAngles(B, 145, 85);
        return Figure.sketch().floor().body(body)
                .speedLines(68, 62, true)
                .speedLines(60, 92, true)
                .build();
    }

    private static Illustration hills() {
        // A slope rising to the right; the runner leans into it.
        double x0 = 10;
        double y0 = FLOOR;
        double x1 = 190;
        double y1 = 78;
        double slope = (y1 - y0) / (x1 - x0);
        double x = 100;
        double ground = y0 + (x - x0) * slope;
        double frontX = x + 12;
        Body body = Body.hipAt(x, ground - 40).torso(-74).head(-80)
                .leg(A, frontX, y0 + (frontX - x0) * slope - 2.5, 0, Math.toDegrees(Math.atan(slope)))
                .legAngles(B, 110, 150, 110)
                .armAngles(A, 50, -45)
                .armAngles(B, 135, 80);
        return Figure.sketch().line(x0, y0, x1, y1).line(x1, y1, x1, FLOOR).line(x0, y0, x1, FLOOR)
                .body(body).build();
    }
}
