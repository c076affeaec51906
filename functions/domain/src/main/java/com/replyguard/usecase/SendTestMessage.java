package com.replyguard.usecase;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Answers;
import com.replyguard.notify.Budget;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.Messages;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.notify.Verdict;
import com.replyguard.ports.DeliveryStore;
import com.replyguard.ports.NotificationSettingsStore;
import com.replyguard.ports.RobotClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case ({@code POST /notifications/test?channel=}): sends a test message to one channel and
 * answers what its robot said. It spends the channel's shared budget like any message - a test
 * never pushes a robot over its limit - and is refused while the budget is used up.
 */
public final class SendTestMessage {
    private final NotificationSettingsStore settings;
    private final DeliveryStore channels;
    private final RobotClient robots;
    private final Clock clock;

    public SendTestMessage(NotificationSettingsStore settings, DeliveryStore channels, RobotClient robots, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.channels = Objects.requireNonNull(channels);
        this.robots = Objects.requireNonNull(robots);
        this.clock = Objects.requireNonNull(clock);
    }

    public enum Outcome { SENT, RETRY, REFUSED, NO_SUCH_CHANNEL, BUSY }

    /** {@code retryAt}: when to try again (BUSY: the budget's next token, or the vendor's throttle's end). */
    public record Result(Outcome outcome, NotifyChannel channel, RobotAnswer answer, Instant retryAt) {
    }

    public Result send(MerchantId merchant, String channelId) {
        NotificationSettings s = settings.find(merchant).orElse(NotificationSettings.NONE);
        Optional<NotifyChannel> found = s.channel(channelId);
        if (found.isEmpty()) {
            return new Result(Outcome.NO_SUCH_CHANNEL, null, null, null);
        }
        NotifyChannel channel = found.get();
        Budget budget = channel.budget();
        long phase = s.phaseOf(channel);
        Instant now = clock.instant();
        Optional<ChannelState> stored = channels.channel(merchant, channelId);
        ChannelState current = stored.orElseGet(() -> ChannelState.fresh(budget, phase, now));
        ChannelState.Take take = current.take(budget, phase, "test-" + now.toEpochMilli(), now);
        if (take instanceof ChannelState.Wait w) {
            return new Result(Outcome.BUSY, channel, null, w.at());
        }
        ChannelState held = ((ChannelState.Granted) take).next();
        if (!channels.replace(merchant, channelId, stored.orElse(null), held)) {
            return new Result(Outcome.BUSY, channel, null, now.plusSeconds(1));
        }
        RobotAnswer answer = null;
        Verdict verdict = Verdict.REFUSED;
        try {
            answer = robots.send(channel, Messages.test(s, channel, now), now);
            verdict = Answers.classify(channel.kind(), answer, 1);
        } finally {
            channels.replace(merchant, channelId, held, held.released(budget, phase, answer == null, verdict.blockChannelFor(),
                    clock.instant()));
        }
        Outcome outcome = switch (verdict.outcome()) {
            case SENT -> Outcome.SENT;
            case RETRY -> Outcome.RETRY;
            case REFUSED -> Outcome.REFUSED;
        };
        return new Result(outcome, channel, answer, verdict.outcome() == Verdict.Outcome.RETRY ? clock.instant()
                .plus(verdict.retryAfter()) : null);
    }
}
