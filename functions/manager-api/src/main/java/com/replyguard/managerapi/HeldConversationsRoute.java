package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.intake.InvalidInput;
import com.replyguard.intake.Problem;
import com.replyguard.ports.HeldIndex;
import com.replyguard.usecase.ListHeldConversations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/held-conversations?olderThan=&limit=} (decision 0003): the conversations
 * that wait for their channel - stored, but no clock runs, so no breach can warn anyone - held longer
 * than {@code olderThan} (an ISO-8601 duration, default one hour), oldest first: the sign of an
 * integration that leaves the channel out. Every parameter problem is named in one 400. JSON, or
 * CSV from the same rows ({@code Accept: text/csv}, {@code lang=zh} for Chinese headers).
 */
final class HeldConversationsRoute implements Route {
    private final ListHeldConversations held;

    HeldConversationsRoute(ListHeldConversations held) {
        this.held = held;
    }

    /** A held conversation: since its earliest event, how many events wait in it. */
    record Row(String conversationId, String since, int events) {
        static Row of(HeldIndex.Held h) {
            return new Row(h.conversationId().value(), Instants.format(h.since()), h.events());
        }
    }

    record Answer(String merchantId, String asOf, String olderThan, List<Row> held) {
    }

    /** One CSV line: a held conversation with the merchant it belongs to. */
    record Line(String merchantId, Row row) {
    }

    static final Sheet<Line> SHEET = Sheet.of(Line.class).text("merchantId", "商户", Line::merchantId)
            .text("conversationId", "会话", l -> l.row().conversationId()).instant("since", "等待渠道自", l -> l.row().since())
            .number("events", "事件数", l -> l.row().events()).build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        List<Problem> problems = new ArrayList<>();
        Duration olderThan = olderThan(call.query("olderThan"), problems);
        Integer limit = RouteParameters.limit(call.request(), ListHeldConversations.MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ListHeldConversations.Listing listing = held.list(call.merchant().id(), olderThan,
                limit == null ? ListHeldConversations.DEFAULT_LIMIT : limit);
        List<Row> rows = listing.held().stream().map(Row::of).toList();
        if (call.wantsCsv()) {
            return Csv.response(Csv.fileName("held-conversations", call.merchantId(), "over-" + listing.minAge()), SHEET,
                    rows.stream().map(r -> new Line(call.merchantId(), r)).toList(), Lang.of(call.request()), Map.of());
        }
        return ApiResponses.json(200, new Answer(call.merchantId(), Instants.format(listing.asOf()), listing.minAge().toString(),
                rows));
    }

    private static Duration olderThan(String text, List<Problem> problems) {
        if (text == null) {
            return ListHeldConversations.DEFAULT_MIN_AGE;
        }
        try {
            Duration d = Duration.parse(text);
            ListHeldConversations.ageProblem(d).ifPresent(p -> problems.add(Problem.ofBatch("olderThan", p)));
            return d;
        } catch (DateTimeParseException e) {
            problems.add(Problem.ofBatch("olderThan", "'" + text + "' is not an ISO-8601 duration like PT1H or PT30M"));
            return null;
        }
    }
}
