package app.rebound.domain.visit;

import java.math.BigDecimal;

/** Inter-rectus distance at three sites, in the unit it was measured in, with doming and linea alba. */
public record AbdominalWall(
        AbdominalMethod method,
        IrdUnit unit,
        BigDecimal aboveUmbilicus,
        BigDecimal atUmbilicus,
        BigDecimal belowUmbilicus,
        Boolean doming,
        LineaAlba lineaAlba) {

    public static final AbdominalWall EMPTY = new AbdominalWall(null, null, null, null, null, null, null);

    public AbdominalWall {
        aboveUmbilicus = app.rebound.domain.Decimals.shortest(aboveUmbilicus);
        atUmbilicus = app.rebound.domain.Decimals.shortest(atUmbilicus);
        belowUmbilicus = app.rebound.domain.Decimals.shortest(belowUmbilicus);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
