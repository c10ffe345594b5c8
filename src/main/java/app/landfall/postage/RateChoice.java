package app.landfall.postage;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which rate to buy: the cheapest of the carriers the store allows (none listed: any carrier); a tie goes to the first offered. */
public final class RateChoice {
    private RateChoice() {
    }

    public static Optional<EasyPostApi.Rate> cheapest(List<EasyPostApi.Rate> rates, Collection<String> allowedCarriers) {
        List<String> allowed = allowedCarriers.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        return rates.stream()
                .filter(r -> allowed.isEmpty() || allowed.contains(r.carrier().toLowerCase(Locale.ROOT)))
                .filter(r -> r.amount().signum() >= 0)
                .min(Comparator.comparing(EasyPostApi.Rate::amount));
    }
}
