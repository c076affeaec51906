package com.replyguard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.NoticeJson;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.adapters.robots.RobotFormats;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.Messages;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.Notice;
import com.replyguard.usecase.NotifyPeople;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge rule (SlaAtRisk, SlaBreached, SlaEscalated, CycleClosed) → notifier λ, invoked
 * asynchronously: decodes the event, tells the right people through {@link NotifyPeople}, logs one
 * line per notice (ids, channels, states, the robots' codes - never a URL, a secret, a name or a
 * number). An event that is not a notice, or an outage of the stores, throws: Lambda retries the
 * invocation and finally sends it to the on-failure destination; a repeat sends nothing twice.
 */
public final class NotifierHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NotifierWiring wiring;
    private final JsonLog log;

    public NotifierHandler() {
        this(System.getenv());
        Priming.register("notifier", this::prime);
    }

    public NotifierHandler(Map<String, String> environment) {
        this(NotifierWiring.from(environment, Clock.systemUTC()));
    }

    public NotifierHandler(NotifierWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("notifier", wiring.clock(), System.err);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        JsonNode detail = JSON.valueToTree(event.get("detail"));
        Notice notice = NoticeJson.read(String.valueOf(event.get("detail-type")), detail == null ? JSON.createObjectNode() : detail);
        NotifyPeople.Outcome outcome = wiring.notifyPeople().deliver(notice);
        List<Map<String, Object>> channels = new ArrayList<>();
        for (NotifyPeople.ChannelOutcome c : outcome.channels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channelId", c.channelId());
            m.put("state", c.state().name());
            m.put("messages", c.messages());
            if (c.answer() != null) {
                m.put("httpStatus", c.answer().httpStatus());
                m.put("code", c.answer().code());
            }
            channels.add(m);
            if (c.abandoned()) {
                log.error("delivery given up", "merchant", notice.merchant().value(), "alertId", notice.id(),
                        "channelId", c.channelId(), "httpStatus", c.answer() == null ? null : c.answer().httpStatus(),
                        "code", c.answer() == null ? null : c.answer().code());
            }
        }
        if (!outcome.merchantKnown()) {
            log.warn("notice for an unknown merchant", "merchant", notice.merchant().value(), "alertId", notice.id());
        }
        log.info("notified", "merchant", notice.merchant().value(), "alertId", notice.id(), "type",
                notice.type().detailType(), "messages", outcome.messages(), "channels", channels);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alertId", notice.id());
        answer.put("messages", outcome.messages());
        answer.put("channels", channels);
        return answer;
    }

    /**
     * For the SnapStart snapshot (and the cold-start benchmark): a closed cycle of a merchant that does
     * not exist - decoded, looked up, nothing written or sent; a breach decoded and its message
     * composed, rendered and signed for every kind of channel (sent nowhere); one read of the alerts
     * table and one of the settings through this function's DynamoDB client.
     */
    public void prime() {
        MerchantId priming = new MerchantId("replyguard-priming");
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("schemaVersion", 1);
        alert.put("eventId", "a_priming");
        alert.put("merchantId", priming.value());
        alert.put("conversationId", "priming");
        alert.put("clock", "FIRST_REPLY");
        alert.put("clockKey", "FIRST_REPLY");
        alert.put("channel", "CS_CHAT");
        alert.put("urgent", false);
        alert.put("clockStart", "2026-01-01T08:00:00+08:00");
        alert.put("deadline", "2026-01-01T08:01:00+08:00");
        alert.put("dueAt", "2026-01-01T08:01:00.001+08:00");
        alert.put("level", 1);
        alert.put("responsibleAgentId", "priming-agent");
        AlertNotice notice = (AlertNotice) NoticeJson.read("SlaBreached", JSON.valueToTree(alert));
        List<NotifyChannel> channels = List.of(
                new NotifyChannel("a", ChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/priming", "s", null, null),
                new NotifyChannel("b", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=priming", "SECs", null,
                        null),
                new NotifyChannel("c", ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=priming", null, null,
                        null),
                new NotifyChannel("d", ChannelKind.WEBHOOK, "https://priming.example.com/hook", "s", null, null));
        NotificationSettings settings = new NotificationSettings(Language.ZH_CN, "https://priming.example.com", channels, List.of(),
                Map.of());
        for (NotifyChannel c : channels) {
            RobotFormats.render(c, Messages.single(settings, c, notice, List.of(), Map.of()), notice.dueAt());
            RobotFormats.render(c, Messages.digest(settings, c, List.of(notice, notice), a -> List.of()), notice.dueAt());
        }
        wiring.alerting().alerts.find(priming, "a_priming");
        wiring.alerting().settings.find(priming);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", 1);
        detail.put("eventId", "cycle-closed:replyguard-priming:2026-01-H1");
        detail.put("merchantId", priming.value());
        detail.put("cycle", "2026-01-H1");
        detail.put("closedAt", "2026-01-16T00:30:00+08:00");
        detail.put("metrics", Map.of());
        detail.put("passing", true);
        handleRequest(Map.of("detail-type", "CycleClosed", "source", "replyguard", "detail", detail), null);
    }
}
