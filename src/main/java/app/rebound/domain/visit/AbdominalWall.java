package app.rebound.domain.visit;

import java.math.BigDecimal;

import app.rebound.domain.Decimals;

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
        aboveUmbilicus = Decimals.shortest(aboveUmbilicus);
        atUmbilicus = Decimals.shortest(atUmbilicus);
        belowUmbilicus = Decimals.shortest(belowUmbilicus);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
