package app.rebound.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each field an amendment can name has the form's label, and each value reads in the clinician's words. */
class VisitFieldsTest {

    @BeforeEach
    void inEnglish() {
        Locale.setDefault(Locale.UK);
    }

    @Test
    void everyFieldThatCanChangeHasTheLabelTheFormGivesIt() {
        UUID patient = UUID.randomUUID();
        Visit empty = Visit.draft(patient, LocalDate.of(2026, 11, 20), VisitKind.INITIAL);
        Visit full = VisitFixture.full(patient, LocalDate.of(2026, 11, 21));
        List<String> paths = VisitDiff.changedFields(empty, full);
        assertThat(paths).hasSizeGreaterThan(40);
        for (String path : paths) {
            if (!path.equals("extensions")) {
                assertThat(VisitFields.label(path)).as(path).isNotEqualTo(path).doesNotContain(".");
            }
        }
        assertThat(VisitFields.label("symptoms.urinaryIncontinence")).isEqualTo("Urinary incontinence");
        assertThat(VisitFields.label("strength.SL_BRIDGE.left")).isEqualTo("Single leg bridge Left");
        assertThat(VisitFields.label("outcomes.psfs[2].score")).isEqualTo("Activity 3");
    }

    @Test
    void valuesReadAsTheClinicianSaysThem() {
        UUID patient = UUID.randomUUID();
        Visit empty = Visit.draft(patient, LocalDate.of(2026, 11, 20), VisitKind.INITIAL);
        Visit full = VisitFixture.full(patient, LocalDate.of(2026, 11, 21));
        assertThat(VisitFields.change("symptoms.urinaryIncontinence", empty, full).text())
                .isEqualTo("Urinary incontinence: not recorded → Yes");
        assertThat(VisitFields.change("symptoms.faecalIncontinence", empty, full).text())
                .isEqualTo("Faecal incontinence (including wind): not recorded → No");
        assertThat(VisitFields.change("date", empty, full).text()).isEqualTo("Date: 20 Nov 2026 → 21 Nov 2026");
        assertThat(VisitFields.change("pelvicFloor.power", empty, full).text()).isEqualTo("Power (MOS): not recorded → 3");
        assertThat(VisitFields.change("redFlags", empty, full).text())
                .isEqualTo("Red flags: not asked → Fever of 38 °C or above, Wound redness or discharge");
        assertThat(VisitFields.change("strength.SL_BRIDGE", empty, full).text())
                .isEqualTo("Single leg bridge: not recorded → left 20, right 0");
        assertThat(VisitFields.change("history.supportDevice", empty, full).after()).doesNotContain("PESSARY");
    }
}
