package com.alai.cloud.services.router.usage;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The monthly cap on the metered fallback: {@code usageFallbackMTokensPerMonth} million tokens at the price
 * table's price per million (the stack passes both). Past it, fallback is refused with a reason that says how much
 * was spent, what the cap is and when it resets. A ledger that cannot be read refuses too: spending blind is worse
 * than a 503 while the primary is down.
 */
public final class SpendCap {
    private final Ledger ledger;
    private final double capMTokens;
    private final double pricePerMToken;

    public SpendCap(Ledger ledger, double capMTokens, double pricePerMToken) {
        this.ledger = ledger;
        this.capMTokens = capMTokens;
        this.pricePerMToken = pricePerMToken;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Empty when the fallback may be used; otherwise why not. */
    public Optional<String> refusal() {
        Tokens used;
        try {
            used = ledger.monthToDate();
        } catch (SQLException e) {
            return Optional.of("the fallback's usage ledger cannot be read (database unavailable), so it is not used");
        }
        if (used.total() < capMTokens * 1_000_000) {
            return Optional.empty();
        }
        LocalDate reset = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        return Optional.of(String.format(Locale.ROOT, "the hosted fallback's monthly cap is reached: %,d tokens "
                        + "($%.2f at $%.2f per million) used this month, cap %.2f M tokens ($%.2f); fallback is refused "
                        + "until %s UTC or until usageFallbackMTokensPerMonth is raised",
                used.total(), spend(used), pricePerMToken, capMTokens, capMTokens * pricePerMToken, reset));
    }

    public double spend(Tokens tokens) {
        return tokens.total() / 1_000_000.0 * pricePerMToken;
    }

    public double capUsd() {
        return capMTokens * pricePerMToken;
    }
}
