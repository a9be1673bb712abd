package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ClinicLogoTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Test
    void recognisesPng() {
        assertThat(ClinicLogo.detectMediaType(PNG)).isEqualTo("image/png");
    }

    @Test
    void recognisesJpeg() {
        assertThat(ClinicLogo.detectMediaType(JPEG)).isEqualTo("image/jpeg");
    }

    @Test
    void refusesOtherFiles() {
        assertThat(ClinicLogo.detectMediaType("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ClinicLogo.detectMediaType("PNG is a format".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ClinicLogo.detectMediaType("<svg xmlns=".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ClinicLogo.detectMediaType(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(ClinicLogo.detectMediaType(new byte[0])).isNull();
    }

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = PNG.clone();
        ClinicLogo logo = new ClinicLogo("image/png", bytes);

        bytes[1] = 'X';
        logo.data()[2] = 'X';

        assertThat(logo.data()).isEqualTo(PNG);
    }

    @Test
    void equalWhenTypeAndBytesAreEqual() {
        assertThat(new ClinicLogo("image/png", PNG.clone())).isEqualTo(new ClinicLogo("image/png", PNG.clone()))
                .hasSameHashCodeAs(new ClinicLogo("image/png", PNG.clone()))
                .isNotEqualTo(new ClinicLogo("image/jpeg", PNG.clone()))
                .isNotEqualTo(new ClinicLogo("image/png", JPEG.clone()));
    }
}
