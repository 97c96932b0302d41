package org.countygrid.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of Chinese yuan held as integer fen (分); never a floating point number. */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses "12.34" yuan exactly; more than two decimals is an error, not a rounding. */
    public static Money parseYuan(String yuan) {
        try {
            BigDecimal value = new BigDecimal(yuan.trim());
            return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
            throw new ValidationException("amount", "not an amount in yuan with at most two decimals: " + yuan);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }
}
