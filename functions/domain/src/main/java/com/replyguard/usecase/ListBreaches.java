package com.replyguard.usecase;

import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.intake.InvalidInput;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: a manager lists the breaches whose deadline lies in a window, a page at a time, or all
 * of them at once for an export (at most {@link #EXPORT_LIMIT}).
 */
public final class ListBreaches {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /**
     * The most breaches one export holds (docs/decisions/0010): a CSV row measures about 170 bytes (CsvForExcelTest prints it), so the
     * file stays below the 6 MB a Lambda answer may carry.
     */
    public static final int EXPORT_LIMIT = 20_000;

    private final BreachStore breaches;

    public ListBreaches(BreachStore breaches) {
        this.breaches = breaches;
    }

    public BreachPage list(MerchantId merchant, Instant from, Instant to, Integer limit, String pageToken) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        return breaches.list(merchant, from, to, size, pageToken);
    }

    /**
     * Every breach of the window, ordered by deadline, read page by page.
     *
     * @throws InvalidInput when the window holds more than {@link #EXPORT_LIMIT} breaches (nothing is answered then)
     */
    public List<Breach> all(MerchantId merchant, Instant from, Instant to) {
        List<Breach> all = new ArrayList<>();
        String token = null;
        do {
            BreachPage page = list(merchant, from, to, MAX_LIMIT, token);
            all.addAll(page.breaches());
            if (all.size() > EXPORT_LIMIT) {
                throw tooMany();
            }
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** The window holds more than one export may: the caller narrows it. */
    public static InvalidInput tooMany() {
        return InvalidInput.of("from", "the range holds more than " + EXPORT_LIMIT + " breaches, more than one file may hold:"
                + " narrow it with from and to (e.g. one cycle at a time)");
    }
}
