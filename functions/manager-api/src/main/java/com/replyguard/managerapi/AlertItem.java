package com.replyguard.managerapi;

import com.replyguard.adapters.json.Instants;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.AlertRecord;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.RobotAnswer;
import java.util.List;

/**
 * One alert as {@code GET /alerts}, the acknowledgement's answer and the conversation timeline show
 * it (docs/notifications.md; the console reads exactly these names): {@code level} 0 is the warning;
 * {@code acknowledged} null until someone took it; one delivery per channel it was routed to, with
 * the robot's own answer - never a URL or a secret.
 */
public record AlertItem(String alertId, String type, String conversationId, String clock, String clockKey, String channel,
        int level, String dueAt, String deadline, String responsibleAgentId, Acknowledged acknowledged,
        List<DeliveryItem> deliveries) {

    public record Acknowledged(String by, String at) {
    }

    /** {@code state}: QUEUED, SENT, DIGESTED, RETRYING or FAILED; {@code at}: when it got there. */
    public record DeliveryItem(String channelId, String kind, String state, String at, int attempts, Answer answer) {
    }

    /** The robot's answer: its code and message, and the HTTP status (0: not reached; -1: not sent, we refused). */
    public record Answer(Integer code, String message, int httpStatus) {
        static Answer of(RobotAnswer a) {
            return a == null ? null : new Answer(a.code(), a.message(), a.httpStatus());
        }
    }

    /** A page: {@code nextToken} null on the last one (pass it back as {@code ?nextToken=}). */
    public record Page(List<AlertItem> alerts, String nextToken) {
        static Page of(AlertPage p) {
            return new Page(p.alerts().stream().map(AlertItem::of).toList(), p.nextToken());
        }
    }

    static AlertItem of(AlertRecord r) {
        AlertNotice n = r.notice();
        return new AlertItem(n.id(), n.type().detailType(), n.conversationId(), n.clock().name(), n.clockKey(), n.channel().name(),
                n.level(), Instants.format(n.dueAt()), Instants.format(n.deadline()), n.responsibleAgentId(),
                r.acknowledged() == null ? null : new Acknowledged(r.acknowledged().by(), Instants.format(r.acknowledged().at())),
                r.deliveries().stream().map(AlertItem::delivery).toList());
    }

    private static DeliveryItem delivery(Delivery d) {
        return new DeliveryItem(d.channelId(), d.kind().wireName(), d.state().name(), Instants.format(d.at()), d.attempts(),
                Answer.of(d.answer()));
    }

    static List<AlertItem> of(List<AlertRecord> records) {
        return records.stream().map(AlertItem::of).toList();
    }
}
