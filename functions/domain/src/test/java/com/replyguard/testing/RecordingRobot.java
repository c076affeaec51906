package com.replyguard.testing;

import com.replyguard.notify.Message;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.ports.RobotClient;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Fake robots: keeps every message with its channel and instant; answers by script per channel, else success. */
public final class RecordingRobot implements RobotClient {
    public record Sent(String channelId, Message message, Instant at) {
    }

    public final List<Sent> sent = new ArrayList<>();
    private final Map<String, Deque<RobotAnswer>> scripted = new HashMap<>();
    private final Map<String, Function<Message, RobotAnswer>> always = new HashMap<>();

    public synchronized RecordingRobot next(String channelId, RobotAnswer... answers) {
        scripted.computeIfAbsent(channelId, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public synchronized RecordingRobot always(String channelId, RobotAnswer answer) {
        always.put(channelId, m -> answer);
        return this;
    }

    @Override
    public synchronized RobotAnswer send(NotifyChannel channel, Message message, Instant now) {
        sent.add(new Sent(channel.id(), message, now));
        Deque<RobotAnswer> q = scripted.get(channel.id());
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        if (always.containsKey(channel.id())) {
            return always.get(channel.id()).apply(message);
        }
        return success(channel);
    }

    public static RobotAnswer success(NotifyChannel channel) {
        return switch (channel.kind()) {
            case FEISHU, LARK -> new RobotAnswer(200, 0, "success");
            case DINGTALK, WECOM -> new RobotAnswer(200, 0, "ok");
            case WEBHOOK -> new RobotAnswer(200, null, "HTTP 200");
        };
    }

    public synchronized List<Sent> to(String channelId) {
        return sent.stream().filter(s -> s.channelId().equals(channelId)).toList();
    }
}
