package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.ListQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/queue?channel=&team=&agent=&clock=&limit=&nextToken=} (issue 15): the
 * live queue, soonest deadline first, as JSON or ({@code Accept: text/csv}) CSV. Parse → {@link ListQueue}
 * → {@link Answer}. Every parameter problem is named in one 400; nothing is read then.
 */
final class QueueRoute {
    private QueueRoute() {
    }

    /** One row as the API writes it (instants in China time). */
    record Row(String conversationId, String channel, String clock, String clockKey, boolean urgent, String start,
            String deadline, String warnAt, String responsibleAgentId, String team, String status) {
        static Row of(ListQueue.Row r) {
            var w = r.clock();
            return new Row(r.conversationId(), r.channel() == null ? null : r.channel().name(), w.type().name(), w.key(), w.urgent(),
                    Instants.format(w.start()), Instants.format(w.deadline()), Instants.format(w.warnAt()), w.responsibleAgentId(),
                    r.team(), r.status().name());
        }

        List<Object> cells() {
            return Arrays.asList(conversationId, channel, clock, clockKey, urgent, start, deadline, warnAt, responsibleAgentId, team,
                    status);
        }
    }

    record Answer(String merchantId, String asOf, List<Row> queue, String nextToken) {
    }

    static final List<String> CSV_HEADER = List.of("conversationId", "channel", "clock", "clockKey", "urgent", "start", "deadline",
            "warnAt", "responsibleAgentId", "team", "status");

    static APIGatewayV2HTTPResponse answer(ListQueue queue, Merchant merchant, ApiRequest request, Manager caller) {
        List<Problem> problems = new ArrayList<>();
        Channel channel = choice(request, "channel", Channel.class, problems);
        ClockType clock = choice(request, "clock", ClockType.class, problems);
        String team = id(request, "team", problems);
        String agent = id(request, "agent", problems);
        int limit = ListQueue.DEFAULT_LIMIT;
        String limitText = request.query("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > ListQueue.MAX_LIMIT) {
                    problems.add(Problem.ofBatch("limit", "must be between 1 and " + ListQueue.MAX_LIMIT + " (got " + limitText + ")"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.ofBatch("limit", "must be a whole number between 1 and " + ListQueue.MAX_LIMIT
                        + " (got '" + limitText + "')"));
            }
        }
        if (!problems.isEmpty()) {
            return ApiResponses.error(400, "invalid request", problems);
        }
        ListQueue.Page page;
        try {
            page = queue.list(merchant, caller, new ListQueue.Filter(channel, team, agent, clock), limit, request.query("nextToken"));
        } catch (ListQueue.InvalidPageToken e) {
            return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("nextToken", e.getMessage())));
        }
        List<Row> rows = page.rows().stream().map(Row::of).toList();
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("queue-" + merchant.id() + ".csv", CSV_HEADER, rows.stream().map(Row::cells).toList(),
                    page.nextToken() == null ? Map.of() : Map.of("X-Next-Token", page.nextToken()));
        }
        return ApiResponses.json(200, new Answer(merchant.id().value(), Instants.format(page.asOf()), rows, page.nextToken()));
    }

    private static <E extends Enum<E>> E choice(ApiRequest request, String name, Class<E> type, List<Problem> problems) {
        String text = request.query(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.ofBatch(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + " (got '" + text + "')"));
            return null;
        }
    }

    private static String id(ApiRequest request, String name, List<Problem> problems) {
        String text = request.query(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > 128) {
            problems.add(Problem.ofBatch(name, "must be at most 128 characters"));
        }
        return text;
    }
}
