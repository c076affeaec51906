package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.time.ChinaTime;
import com.replyguard.usecase.ListQueue;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/queue?channel=&team=&agent=&clock=&limit=&nextToken=} (docs/console.md): the
 * live queue, soonest deadline first, as JSON or ({@code Accept: text/csv}) CSV. Parse → {@link ListQueue}
 * → {@link Answer}. Every parameter problem is named in one 400; nothing is read then.
 */
final class QueueRoute implements Route {
    /** The instant of the snapshot in the CSV's file name ({@code queue-demo-2026-10-04-0900.csv}). */
    private static final DateTimeFormatter QUEUE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ChinaTime.ZONE);
    private final ListQueue queue;

    QueueRoute(ListQueue queue) {
        this.queue = queue;
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
    }

    record Answer(String merchantId, String asOf, List<Row> queue, String nextToken) {
    }

    static final Sheet<Row> SHEET = Sheet.of(Row.class).text("conversationId", "会话", Row::conversationId)
            .code("channel", "渠道", Row::channel, ChineseNames.CHANNELS).code("clock", "时效", Row::clock, ChineseNames.CLOCKS)
            .text("clockKey", "计时键", Row::clockKey).text("urgent", "加急", Row::urgent).instant("start", "开始", Row::start)
            .instant("deadline", "截止", Row::deadline).instant("warnAt", "预警时间", Row::warnAt)
            .text("responsibleAgentId", "负责坐席", Row::responsibleAgentId).text("team", "班组", Row::team)
            .code("status", "状态", Row::status, ChineseNames.STATUSES).build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Merchant merchant = call.merchant();
        ApiRequest request = call.request();
        List<Problem> problems = new ArrayList<>();
        Channel channel = choice(request, "channel", Channel.class, problems);
        ClockType clock = choice(request, "clock", ClockType.class, problems);
        String team = id(request, "team", problems);
        String agent = id(request, "agent", problems);
        Integer limit = RouteParameters.limit(request, ListQueue.MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            return ApiResponses.error(400, "invalid request", problems);
        }
        ListQueue.Page page;
        try {
            page = queue.list(merchant, call.caller(), new ListQueue.Filter(channel, team, agent, clock),
                    limit == null ? ListQueue.DEFAULT_LIMIT : limit, request.query("nextToken"));
        } catch (ListQueue.InvalidPageToken e) {
            return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("nextToken", e.getMessage())));
        }
        List<Row> rows = page.rows().stream().map(Row::of).toList();
        if (call.wantsCsv()) {
            return Csv.response(Csv.fileName("queue", merchant.id().value(), QUEUE_TIME.format(page.asOf())), SHEET, rows,
                    Lang.of(request), page.nextToken() == null ? Map.of() : Map.of("X-Next-Token", page.nextToken()));
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
        if (text.length() > RouteParameters.MAX_ID) {
            problems.add(Problem.ofBatch(name, "must be at most " + RouteParameters.MAX_ID + " characters"));
        }
        return text;
    }
}
