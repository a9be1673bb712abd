package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Previous values of an amendment survive any text: tabs, line breaks, backslashes, any script. */
class AmendmentValuesTest {

    @Test
    void encodedValuesDecodeToTheSameMap() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("notes", "Line one\nline\ttwo \\ three — Zoë 李小龙");
        values.put("pelvicFloor.power", "2");
        values.put("redFlags", "—");
        assertThat(VisitStore.decode(VisitStore.encode(values))).isEqualTo(values);
        assertThat(VisitStore.encode(Map.of())).isNull();
        assertThat(VisitStore.decode(null)).isEmpty();
    }
}
