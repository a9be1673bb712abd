package app.rebound.handout;

import java.awt.Color;

import app.rebound.domain.PaperSize;

/**
 * The page a clinic prints at set-up: its recovery key in large type, with what it is for and where to
 * keep it. It is never written to a file; it goes straight to the printer.
 */
public final class RecoveryKeySheet {

    private static final Color INK = new Color(0x1f, 0x23, 0x28);
    private static final Color MUTED = new Color(0x57, 0x60, 0x6a);

    private RecoveryKeySheet() {
    }

    /** The sheet as PDF bytes, for printing, without an administrator's signing key (none known). */
    public static byte[] render(PaperSize paper, String clinicName, String createdOn, String recoveryKey) {
        return render(paper, clinicName, createdOn, recoveryKey, null, null);
    }

    /**
     * The sheet as PDF bytes, for printing, with the fingerprint of the administrator's signing key: the
     * trust anchor of the audit trail, to compare with what {@code audit --verify} lists.
     */
    public static byte[] render(PaperSize paper, String clinicName, String createdOn, String recoveryKey,
            String administrator, String signingFingerprint) {
        return PdfDocument.render(paper, new PdfDocument.Info("Rebound recovery key", clinicName), (flow, document) -> {
            flow.heading(1, "Rebound recovery key", 20, INK);
            flow.down(6);
            flow.paragraph(clinicName + " — made on " + createdOn, false, 12, MUTED);
            flow.down(24);
            flow.rule();
            flow.down(24);
            flow.paragraph(recoveryKey, true, 16, INK);
            flow.down(24);
            flow.rule();
            flow.down(20);
            flow.paragraph("This key opens the clinic's encrypted records when every clinician's password is lost. "
                    + "On the sign-in screen choose \"Forgot your password? Use the recovery key…\", type the key, "
                    + "a user name and a new password.", false, 12, INK);
            flow.down(10);
            flow.paragraph("Anyone who holds this key and a copy of the clinic's data folder or backups can read "
                    + "every patient's record. Keep it locked away, apart from the computer, and do not "
                    + "photograph or e-mail it.", false, 12, INK);
            if (administrator != null && signingFingerprint != null) {
                flow.down(16);
                flow.paragraph("Signing key of the administrator " + administrator + ": " + signingFingerprint,
                        true, 12, INK);
                flow.down(6);
                flow.paragraph("Every row of the audit trail is signed by the clinician who acted. \"Check the "
                        + "trail\" (audit --verify) lists each clinician's signing key: if the administrator's differs "
                        + "from this line, the keys in the records were replaced.", false, 11, MUTED);
            }
        }, (page, pages) -> "Rebound — recovery key");
    }
}
