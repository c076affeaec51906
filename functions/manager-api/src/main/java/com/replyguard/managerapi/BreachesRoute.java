package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.intake.InvalidInput;
import com.replyguard.intake.Problem;
import com.replyguard.time.ChinaTime;
import com.replyguard.usecase.ListBreaches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/breaches?from=&to=&limit=&nextToken=}: the breaches whose deadline lies
 * in the range, by deadline. JSON answers a page ({@code limit}, default {@value ListBreaches#DEFAULT_LIMIT});
 * CSV ({@code Accept: text/csv}) holds every breach of the range in one file, up to
 * {@value ListBreaches#EXPORT_LIMIT} rows and {@value Csv#MAX_BYTES} bytes (else 400: narrow the range) - or,
 * with {@code limit} or {@code nextToken}, one page with the next page's token in {@code X-Next-Token}.
 */
final class BreachesRoute implements Route {
    private final ListBreaches breaches;

    BreachesRoute(ListBreaches breaches) {
        this.breaches = breaches;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        List<Problem> problems = new ArrayList<>();
        Instant from = RouteParameters.instant(call.request(), "from", problems);
        Instant to = RouteParameters.instant(call.request(), "to", problems);
        Integer limit = RouteParameters.limit(call.request(), ListBreaches.MAX_LIMIT, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(Problem.ofBatch("from", "must not be after 'to'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String token = call.query("nextToken");
        if (!call.wantsCsv()) {
            BreachPage page = breaches.list(call.merchant().id(), from, to, limit, token);
            return ApiResponses.json(200, new BreachItem.Page(BreachItem.of(page.breaches()), page.nextToken()));
        }
        Lang lang = Lang.of(call.request());
        String file = Csv.fileName("breaches", call.merchantId(), range(from, to));
        if (limit != null || token != null) {
            BreachPage page = breaches.list(call.merchant().id(), from, to, limit, token);
            return Csv.response(file, BreachItem.SHEET, BreachItem.of(page.breaches()), lang,
                    page.nextToken() == null ? Map.of() : Map.of("X-Next-Token", page.nextToken()));
        }
        List<Breach> all = breaches.all(call.merchant().id(), from, to);
        try {
            return Csv.response(file, BreachItem.SHEET, BreachItem.of(all), lang, Map.of());
        } catch (Csv.TooLarge e) {
            throw InvalidInput.of("from", "the range's breaches make " + e.getMessage() + ", more than one file may hold:"
                    + " narrow it with from and to (e.g. one cycle at a time)");
        }
    }

    /** The range in a file name, by China-time dates: {@code 2026-10-01_2026-10-16}, {@code since-…}, {@code until-…}. */
    static String range(Instant from, Instant to) {
        String f = from == null ? null : from.atZone(ChinaTime.ZONE).toLocalDate().toString();
        String t = to == null ? null : to.atZone(ChinaTime.ZONE).toLocalDate().toString();
        if (f != null && t != null) {
            return f + "_" + t;
        }
        return f != null ? "since-" + f : t != null ? "until-" + t : null;
    }
}
