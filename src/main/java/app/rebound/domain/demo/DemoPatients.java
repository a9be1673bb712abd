package app.rebound.domain.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PerinealTrauma;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;

/**
 * Made-up patients for demonstrations and benchmarks: names in many scripts (Latin with
 * diacritics, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic), women of 22 to 45 who had one
 * or two births, each with 1 to {@value #MAX_VISITS} visits of {@link Progression} (most 3 to 12,
 * a few long ones), all after the latest birth and none after today. Some are archived, some end
 * on a draft, a visit now and then has a red flag. Phones and e-mail addresses are of the ranges
 * kept for fiction (Ofcom's 07700 900xxx, example.com).
 *
 * <p>The same seed and the same number of patients already stored give the same patients, ids
 * included; the ids come from a stream of their own that also depends on that number, so adding
 * with the same seed to a folder that holds patients gives new ids, never a clash. They increase
 * in the order they are made (see {@link #uuid()}).
 */
public final class DemoPatients {

    /** The most visits one patient gets. */
    public static final int MAX_VISITS = 60;
    /** The allowed average number of visits a patient. */
    public static final double MIN_AVERAGE_VISITS = 1;
    public static final double MAX_AVERAGE_VISITS = 20;

    /** A patient and her visits in date order, ready to be stored. */
    public record Made(Patient patient, List<Visit> visits) {
    }

    /** The share of patients who keep coming for a long time (20 to 60 visits). */
    private static final double LONG_SHARE = 0.02;
    private static final int LONG_MIN = 20;
    /** The spread of the usual number of visits (a log-normal: most 3 to 12 around an average of 5). */
    private static final double SIGMA = 0.6;
    private static final double ARCHIVED = 0.08;
    private static final double LAST_DRAFT = 0.12;
    private static final double RED_FLAG = 0.02;
    private static final double TWO_BIRTHS = 0.3;

    private static final LocalDate ANCHOR = LocalDate.of(2000, 1, 1);

    private final Random random;
    private final SplittableRandom ids;
    private final long idStart;
    private long idCount;
    private final Progression progression;
    private final LocalDate today;
    private final Instant now;
    private final ZoneId zone;
    private final double longShare;
    private final double mu;
    private final int totalWeight;

    /**
     * @param seed          the seed: the same seed gives the same patients
     * @param alreadyStored how many patients the records hold already, mixed into the ids
     * @param averageVisits the average number of visits a patient, {@value #MIN_AVERAGE_VISITS} to
     *                      {@value #MAX_AVERAGE_VISITS}
     * @param now           the moment of generation: nothing is dated after it
     * @param zone          the clinic's time zone, for "today" and the times of visits
     */
    public DemoPatients(long seed, long alreadyStored, double averageVisits, Instant now, ZoneId zone) {
        if (!(averageVisits >= MIN_AVERAGE_VISITS && averageVisits <= MAX_AVERAGE_VISITS)) {
            throw new IllegalArgumentException("average visits outside " + MIN_AVERAGE_VISITS + " to "
                    + MAX_AVERAGE_VISITS + ": " + averageVisits);
        }
        this.random = new Random(seed);
        this.ids = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + alreadyStored * 0xC2B2AE3D27D4EB4FL + 1);
        this.idStart = ids.nextLong() >>> 17; // 47 bits: room to count up within the 48 bits
        this.progression = new Progression(random);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.zone = zone;
        this.today = LocalDate.ofInstant(this.now, zone);
        // a few long courses of 40 visits on average; the rest log-normal around what is left
        this.longShare = averageVisits >= 3 ? LONG_SHARE : 0;
        double usual = (averageVisits - longShare * (LONG_MIN + MAX_VISITS) / 2.0) / (1 - longShare);
        this.mu = Math.log(usual) - SIGMA * SIGMA / 2;
        this.totalWeight = Names.GROUPS.stream().mapToInt(Names.Group::weight).sum();
    }

    /** The next patient. */
    public Made next() {
        Names.Group group = group();
        UUID id = uuid();
        String given = TextNormalization.clean(group.given(random));
        String family = TextNormalization.clean(group.family(random));
        boolean archived = random.nextDouble() < ARCHIVED;
        boolean lastDraft = !archived && random.nextDouble() < LAST_DRAFT;
        String clinician = Names.CLINICIANS[random.nextInt(Names.CLINICIANS.length)];
        int count = visitCount();
        List<Visit> planned = progression.visits(id, ANCHOR, count, clinician, lastDraft);

        // the last visit: a draft is of the last few days, an archived patient stopped coming long ago
        int ago = lastDraft ? random.nextInt(4) : archived ? 180 + random.nextInt(900) : random.nextInt(150);
        LocalDate last = today.minusDays(ago);
        long shift = ChronoUnit.DAYS.between(planned.get(planned.size() - 1).date(), last);
        LocalDate first = planned.get(0).date().plusDays(shift);

        // first seen 6 to 26 weeks after her latest birth
        LocalDate latestBirth = first.minusDays(42 + random.nextInt(140));
        List<Birth> births = new ArrayList<>(2);
        births.add(birth(latestBirth));
        if (random.nextDouble() < TWO_BIRTHS) {
            births.add(birth(latestBirth.minusDays(540 + random.nextInt(900))));
        }
        long yearsSince = ChronoUnit.YEARS.between(latestBirth, today);
        int ageAtBirth = 22 + random.nextInt((int) Math.max(1, 45 - 22 - yearsSince));
        LocalDate dateOfBirth = latestBirth.minusYears(ageAtBirth).minusDays(random.nextInt(365));

        List<Visit> visits = new ArrayList<>(count);
        for (Visit v : planned) {
            visits.add(dated(v, id, v.date().plusDays(shift)));
        }
        Instant registered = at(first, LocalTime.of(8, 30).plusMinutes(random.nextInt(60)));
        Instant updated = archived ? at(last.plusDays(30 + random.nextInt(170)), LocalTime.of(12, 0)) : registered;
        Patient patient = new Patient(id, updated, given, family, dateOfBirth, phone(), email(given, family),
                archived, births, previousRunning(), goal(), note(), null);
        return new Made(patient, visits);
    }

    private Names.Group group() {
        int pick = random.nextInt(totalWeight);
        for (Names.Group g : Names.GROUPS) {
            pick -= g.weight();
            if (pick < 0) {
                return g;
            }
        }
        throw new AssertionError();
    }

    /** Skewed: most 3 to 12, a few long courses up to {@value #MAX_VISITS}. */
    private int visitCount() {
        if (longShare > 0 && random.nextDouble() < longShare) {
            return LONG_MIN + random.nextInt(MAX_VISITS - LONG_MIN + 1);
        }
        long count = Math.round(Math.exp(mu + SIGMA * random.nextGaussian()));
        return (int) Math.max(1, Math.min(MAX_VISITS, count));
    }

    private Visit dated(Visit v, UUID patientId, LocalDate date) {
        Set<RedFlag> redFlags = v.redFlags();
        if (random.nextDouble() < RED_FLAG) {
            redFlags = Set.of(Names.RED_FLAGS[random.nextInt(Names.RED_FLAGS.length)]);
        }
        String notes = random.nextInt(20) == 0 ? Names.VISIT_NOTES[random.nextInt(Names.VISIT_NOTES.length)] : null;
        Instant updated = at(date, LocalTime.of(9, 0).plusMinutes(random.nextInt(8 * 60 + 30)));
        return new Visit(uuid(), patientId, updated, date, v.status(), v.clinician(), v.kind(), v.history(),
                askedAboutPain(v.symptoms()), redFlags, v.pelvicFloor(), v.abdominalWall(), v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), notes, v.extensions());
    }

    /**
     * {@link Progression} leaves pain with intercourse not asked, which keeps every visit from
     * walk-run; here it is asked at most visits and present mostly alongside other symptoms.
     */
    private Symptoms askedAboutPain(Symptoms s) {
        if (s.dyspareunia() != null || s.isEmpty() || random.nextInt(12) == 0) {
            return s;
        }
        boolean others = s.flags().contains(Boolean.TRUE);
        boolean pain = random.nextDouble() < (others ? 0.25 : 0.02);
        return new Symptoms(s.urinaryIncontinence(), s.faecalIncontinence(), s.urgency(), s.heavinessOrBulge(), pain,
                s.obstructedDefecation(), s.abdominalSeparation(), s.lumbopelvicPain(), s.painNrs(),
                s.runSymptomOnsetMinutes());
    }

    private Birth birth(LocalDate date) {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return new Birth(date, BirthMode.VAGINAL, vaginalTrauma(false));
        } else if (pick < 67) {
            return new Birth(date, BirthMode.ASSISTED_VAGINAL, vaginalTrauma(true));
        } else if (pick < 80) {
            return new Birth(date, BirthMode.PLANNED_CAESAREAN, PerinealTrauma.NONE);
        } else if (pick < 95) {
            return new Birth(date, BirthMode.EMERGENCY_CAESAREAN, random.nextBoolean() ? PerinealTrauma.NONE : null);
        }
        return new Birth(date, null, null);
    }

    private PerinealTrauma vaginalTrauma(boolean assisted) {
        int pick = random.nextInt(100);
        if (pick < (assisted ? 35 : 10)) {
            return PerinealTrauma.EPISIOTOMY;
        } else if (pick < (assisted ? 45 : 25)) {
            return PerinealTrauma.NONE;
        } else if (pick < (assisted ? 60 : 50)) {
            return PerinealTrauma.TEAR_1;
        } else if (pick < (assisted ? 85 : 88)) {
            return PerinealTrauma.TEAR_2;
        } else if (pick < 95) {
            return PerinealTrauma.TEAR_3;
        } else if (pick < 97) {
            return PerinealTrauma.TEAR_4;
        }
        return null;
    }

    private String phone() {
        if (random.nextInt(10) >= 6) {
            return null;
        }
        String number = String.format("07700 900%03d", random.nextInt(1000));
        return random.nextInt(8) == 0 ? number + " (evenings)" : number;
    }

    private String email(String given, String family) {
        if (random.nextInt(10) >= 4) {
            return null;
        }
        String domain = Names.EMAIL_DOMAINS[random.nextInt(Names.EMAIL_DOMAINS.length)];
        String local = ascii(given) + "." + ascii(family);
        if (local.length() < 3 || local.startsWith(".") || local.endsWith(".")) {
            local = "patient" + (1000 + random.nextInt(9000));
        } else if (random.nextBoolean()) {
            local += random.nextInt(100);
        }
        return local + "@" + domain;
    }

    /** The letters a-z and digits of the folded name, for an e-mail address; empty for other scripts. */
    private static String ascii(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : NameFolding.fold(name).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private BigDecimal previousRunning() {
        if (random.nextInt(10) >= 6) {
            return null;
        }
        return BigDecimal.valueOf(5 + random.nextInt(500), 1).stripTrailingZeros();
    }

    private String goal() {
        return random.nextInt(10) < 7 ? Names.GOALS[random.nextInt(Names.GOALS.length)] : null;
    }

    private String note() {
        return random.nextInt(10) == 0 ? Names.PATIENT_NOTES[random.nextInt(Names.PATIENT_NOTES.length)] : null;
    }

    /** A moment of that day in the clinic's zone, never after now. */
    private Instant at(LocalDate date, LocalTime time) {
        Instant instant = date.atTime(time).atZone(zone).toInstant();
        return instant.isAfter(now) ? now : instant;
    }

    /**
     * The next id: laid out as a UUID version 7, with a count from a random start where the time
     * would be, so that the ids of one run increase. Indexes on ids then grow at one end instead of
     * everywhere, which keeps writing 100,000 patients fast and the database file small.
     */
    private UUID uuid() {
        long msb = (idStart + idCount++) << 16 | 0x7000L | (ids.nextInt() & 0x0FFFL);
        long lsb = (ids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The made-up names, goals and notes; each group is the names of one language, weighted for a varied clinic. */
    private static final class Names {

        /** Names of one language; {@code doubleFamily} is the share with two family names (Spanish usage). */
        record Group(int weight, String[] givenNames, String[] familyNames, double doubleFamily) {

            String given(Random random) {
                return givenNames[random.nextInt(givenNames.length)];
            }

            String family(Random random) {
                String first = familyNames[random.nextInt(familyNames.length)];
                if (doubleFamily > 0 && random.nextDouble() < doubleFamily) {
                    String second = familyNames[random.nextInt(familyNames.length)];
                    return second.equals(first) ? first : first + " " + second;
                }
                return first;
            }
        }

        private static Group group(int weight, String given, String family) {
            return new Group(weight, given.split(","), family.split(","), 0);
        }

        static final List<Group> GROUPS = List.of(
                // English, Scottish, Welsh
                group(16, "Emily,Charlotte,Sophie,Hannah,Rebecca,Lucy,Amelia,Grace,Eleanor,Rhiannon,Seren,Catriona,"
                        + "Isla,Mary Kate,Zoë,Chloë,Naomi,Jess",
                        "Smith,Jones,Taylor,Brown,Williams,Evans,Thomas,Roberts,Walker,Wright,MacDonald,McLeod,"
                        + "Campbell,Hughes,Price,Llewellyn,Fraser,Harrington-Smythe,Ellis,Fletcher"),
                // Irish
                group(6, "Aoife,Siobhán,Niamh,Caoimhe,Saoirse,Órla,Róisín,Gráinne,Clodagh,Aisling,Sinéad,Méabh",
                        "Ó Briain,Ní Dhomhnaill,O'Sullivan,O'Neil,Mac Giolla Phádraig,Ní Bhriain,Murphy,"
                        + "Ó Súilleabháin,Nic Dhonncha,Kennedy,Ó Ceallaigh,Byrne"),
                // Polish, Czech, Slovak
                group(7, "Łucja,Małgorzata,Agnieszka,Zofia,Katarzyna,Ewa,Żaneta,Bożena,Anežka,Kateřina,Zuzana,"
                        + "Alžběta",
                        "Wójcik,Kowalczyk,Żak,Szczęsna,Grabowska,Dąbrowska,Wiśniewska,Łukaszewska,Dvořáková,"
                        + "Nováková,Růžičková,Šťastná,Krejčí,Słowińska"),
                // Nordic, Icelandic, Sámi
                group(6, "Ingrid,Åsa,Sigríður,Liv,Maja,Siv,Solveig,Guðrún,Þórdís,Ragnhild,Astrid,Eeva,Päivi",
                        "Ødegård,Sørensen,Åberg,Jóhannsdóttir,Björk,Lindqvist,Hætta,Þorsteinsdóttir,Kjærgaard,"
                        + "Håkansson,Mäkinen,Järvinen,Sæther,Østergaard"),
                // Spanish and Portuguese: often two family names
                new Group(7, ("Ana-María,Lucía,Begoña,Inés,María José,Conceição,Núria,Pilar,Ximena,Maite,Leonor,"
                        + "Graça").split(","),
                        ("Muñoz,Ibáñez,Núñez,García,Márquez,Peña,Gonçalves,Fernández,Castaño,Azcárate,Louçã,Ruiz,"
                        + "Sánchez,Ortega").split(","), 0.6),
                // French, German, Dutch, Italian, Turkish, Vietnamese and more in Latin letters
                group(10, "Chloé,Hélène,Françoise,Anaïs,Jördis,Käthe,Lieselotte,Mathilde,Noémie,Giulia,Chiara,"
                        + "İpek,Şule,Çağla,Hương,Thảo,Ngọc Anh,Marijke,Renée",
                        "Lefèvre,Müller,Groß,Schäfer,Dubois,Fournier,Van der Berg,De Vries,Öztürk,Şahin,Çelik,"
                        + "Yılmaz,Nguyễn,Trần,Phạm,D'Angelo,Bianchi,Mönch,Duchâteau"),
                // Names from South Asia, Africa and elsewhere, written in Latin letters
                group(8, "Priya,Ananya,Deepika,Amara,Chiamaka,Ngozi,Aaliyah,Wanjiru,Thandiwe,Adaeze,Kiri,Leilani",
                        "Sharma,Patel,Okafor,Adeyemi,Mensah,Kamau,Nkosi,Banerjee,Iyer,Ngata,Chaudhry,Osei"),
                // Greek
                group(6, "Σοφία,Ελένη,Μαρία,Αικατερίνη,Δήμητρα,Ιωάννα,Ευαγγελία,Χριστίνα,Αγγελική,Φωτεινή",
                        "Παπαδοπούλου,Γεωργίου,Νικολάου,Οικονόμου,Καραγιάννη,Αθανασίου,Βασιλείου,Δημητρίου,"
                        + "Χατζηγεωργίου,Ζαφειρίου"),
                // Russian, Ukrainian, Bulgarian, Serbian
                group(7, "Анна,Ольга,Наталія,Юлія,Ірина,Милица,Йорданка,Світлана,Екатерина,Ђурђа,Єлизавета",
                        "Иванова,Шевченко,Петрова,Коваленко,Јовановић,Георгиева,Смирнова,Бондаренко,Ђорђевић,"
                        + "Кузнецова,Мельник,Їжакевич"),
                // Chinese
                group(6, "芳,秀英,静,丽,婷婷,雪梅,晓燕,美玲,慧敏,欣怡",
                        "王,李,张,刘,陈,欧阳,杨,黄,赵,周,司马"),
                // Japanese
                group(5, "陽子,さくら,美咲,由美,はるか,愛,恵子,ゆい,真理子,あおい",
                        "佐藤,鈴木,高橋,田中,渡辺,山本,中村,小林,伊藤,加藤"),
                // Korean
                group(5, "민지,서연,지은,수빈,하은,예진,지현,은정,혜진,유나",
                        "김,이,박,최,정,강,조,윤,장,남궁"),
                // Arabic script: stored and shown, though the handout does not lay out right-to-left text
                group(3, "فاطمة,مريم,ليلى,نور,سارة,هدى,زينب,ياسمين",
                        "الحسن,حداد,منصور,خليل,العلي,الشامي,النجار,يوسف"));

        static final String[] CLINICIANS = {"Ingrid Hansen", "Aoife Murphy", "Priya Sharma", "Sam Okafor",
            "Małgorzata Wójcik", "Ελένη Γεωργίου"};

        static final RedFlag[] RED_FLAGS = {RedFlag.HEAVY_OR_LATE_BLEEDING, RedFlag.HEAVY_OR_LATE_BLEEDING,
            RedFlag.WOUND_INFECTION, RedFlag.WOUND_INFECTION, RedFlag.BONE_STRESS_OR_REDS,
            RedFlag.BONE_STRESS_OR_REDS, RedFlag.CALF_PAIN_SWELLING, RedFlag.FEVER, RedFlag.SEVERE_HEADACHE_VISION,
            RedFlag.CHEST_PAIN_BREATHLESSNESS, RedFlag.SELF_HARM_THOUGHTS};

        static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

        static final String[] GOALS = {"Run a 5 km parkrun", "Back to netball", "Run with the buggy",
            "Half marathon next autumn", "Jump on the trampoline with the kids without leaking",
            "Run to work twice a week", "Back to CrossFit", "Hike the Camino de Santiago", "10 km under an hour",
            "Play football with my son", "Return to hockey next season", "Run without heaviness",
            "Dance classes again", "Ultra trail in two years"};

        static final String[] PATIENT_NOTES = {"Prefers morning appointments.", "Brings the baby to visits.",
            "Interpreter booked for visits.", "Referred by her GP.", "Works night shifts.",
            "Ran cross-country at university."};

        static final String[] VISIT_NOTES = {"Discussed sleep and pacing.", "Baby unsettled, shortened session.",
            "Keen to progress; reminded to change one thing at a time.", "Reviewed home programme technique.",
            "Missed two weeks of exercises (childcare)."};

        private Names() {
        }
    }
}
