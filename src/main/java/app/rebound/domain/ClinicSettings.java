package app.rebound.domain;

import java.util.ArrayList;
import java.util.List;

/** The clinic's settings: printed on handouts and reports. Empty text is null. */
public record ClinicSettings(String clinicName, String clinicianName, PaperSize paperSize, ClinicLogo logo) {

    public static final int NAME_MAX_LENGTH = 200;

    public ClinicSettings {
        clinicName = TextNormalization.clean(clinicName);
        clinicianName = TextNormalization.clean(clinicianName);
        paperSize = paperSize == null ? PaperSize.A4 : paperSize;
    }

    public static ClinicSettings defaults(PaperSize paper) {
        return new ClinicSettings(null, null, paper, null);
    }

    public List<Violation> validate() {
        List<Violation> problems = new ArrayList<>();
        if (clinicName != null && clinicName.length() > NAME_MAX_LENGTH) {
            problems.add(Violation.of("clinicName", "validation.tooLong", NAME_MAX_LENGTH));
        }
        if (clinicianName != null && clinicianName.length() > NAME_MAX_LENGTH) {
            problems.add(Violation.of("clinicianName", "validation.tooLong", NAME_MAX_LENGTH));
        }
        if (logo != null && logo.data().length > ClinicLogo.MAX_BYTES) {
            problems.add(Violation.of("logo", "validation.logo.tooLarge"));
        }
        return problems;
    }
}
