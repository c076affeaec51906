package com.replyguard.usecase;

import com.replyguard.discipline.Shifts;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertRecord;
import com.replyguard.notify.Answers;
import com.replyguard.notify.Budget;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.CycleNotice;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.DeliveryState;
import com.replyguard.notify.Message;
import com.replyguard.notify.Messages;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.Notice;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.notify.Routing;
import com.replyguard.notify.Verdict;
import com.replyguard.ports.AlertLog;
import com.replyguard.ports.DeadLetters;
import com.replyguard.ports.DeliveryStore;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.ports.NotificationSettingsStore;
import com.replyguard.ports.Pacer;
import com.replyguard.ports.RobotClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Use case (notifier λ): an alert or a closed cycle arrives from the bus; tell the right people.
 * Record the alert and the channels its routes choose; create each (notice, channel) delivery once
 * (conditional write: a repeated or concurrent delivery of the same event finds it and sends nothing
 * twice); then, for each channel on its own thread - so one slow or failing robot never delays
 * another - wait for the channel's shared budget, take the channel's lock, send everything waiting
 * there in one message (a digest when several alerts wait, as many as fit), record each one's state
 * from the robot's answer, let go.
 *
 * <p>Invariants: no more messages to a robot than its {@link Budget} allows, whatever the number of
 * instances (the budget and the lock live in the shared {@link ChannelState}); no alert dropped
 * silently - each delivery ends SENT, DIGESTED or FAILED, and a FAILED one is visible in the alert
 * log and, when given up after {@link Delivery#GIVE_UP_AFTER}, also in the dead-letter queue.
 * Residual case: a sender that dies after the robot accepted a message but before recording it (or
 * a robot that accepted it and timed out on the answer) leaves the deliveries waiting, and the next
 * sender tells of them again - at least once, then.
 */
public final class NotifyPeople {
    /** How soon a sender waiting behind another one looks again: the other may be sending this very notice. */
    public static final Duration LOCK_WAIT = Duration.ofMillis(250);
    /** Waiters for the same token look within this much after it, each at its own offset. */
    public static final Duration HERD_SPREAD = Duration.ofMillis(150);
    /** Waiting deliveries read per digest; more than any digest holds. */
    public static final int DIGEST_READ = 300;

    private final NotificationSettingsStore settings;
    private final AlertLog alerts;
    private final DeliveryStore deliveries;
    private final RobotClient robots;
    private final DeadLetters deadLetters;
    private final MerchantDirectory merchants;
    private final Clock clock;
    private final Pacer pacer;
    private final Executor channelWorkers;

    public NotifyPeople(NotificationSettingsStore settings, AlertLog alerts, DeliveryStore deliveries, RobotClient robots,
            DeadLetters deadLetters, MerchantDirectory merchants, Clock clock, Pacer pacer, Executor channelWorkers) {
        this.settings = Objects.requireNonNull(settings);
        this.alerts = Objects.requireNonNull(alerts);
        this.deliveries = Objects.requireNonNull(deliveries);
        this.robots = Objects.requireNonNull(robots);
        this.deadLetters = Objects.requireNonNull(deadLetters);
        this.merchants = Objects.requireNonNull(merchants);
        this.clock = Objects.requireNonNull(clock);
        this.pacer = Objects.requireNonNull(pacer);
        this.channelWorkers = Objects.requireNonNull(channelWorkers);
    }

    /** Where one channel ended: its state, the last robot answer, and the messages this invocation sent there. */
    public record ChannelOutcome(String channelId, DeliveryState state, RobotAnswer answer, int messages, boolean abandoned) {
    }

    public record Outcome(String noticeId, boolean merchantKnown, List<ChannelOutcome> channels) {
        public int messages() {
            return channels.stream().mapToInt(ChannelOutcome::messages).sum();
        }
    }

    public Outcome deliver(Notice notice) {
        Optional<Merchant> merchant = merchants.find(notice.merchant());
        if (merchant.isEmpty()) {
            return new Outcome(notice.id(), false, List.of());
        }
        MerchantId m = notice.merchant();
        NotificationSettings s = settings.find(m).orElse(NotificationSettings.NONE);
        List<String> targets = Routing.channels(s, notice);
        Instant now = clock.instant();
        Map<AlertNotice, Acknowledgement> taken = new LinkedHashMap<>();
        if (notice instanceof AlertNotice a) {
            alerts.record(a, targets, now);
            if (!targets.isEmpty()) {
                for (AlertRecord r : alerts.ofConversation(m, a.conversationId())) {
                    if (r.acknowledged() != null) {
                        taken.put(r.notice(), r.acknowledged());
                    }
                }
            }
        }
        List<CompletableFuture<ChannelOutcome>> runs = new ArrayList<>();
        for (String id : targets) {
            NotifyChannel channel = s.channel(id).orElseThrow();
            Delivery stored = deliveries.enqueue(m, Delivery.queued(notice, channel, now));
            runs.add(CompletableFuture.supplyAsync(() -> new ChannelRun(m, s, channel, notice, merchant.get().shifts(), taken)
                    .run(stored), channelWorkers));
        }
        List<ChannelOutcome> outcomes = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<ChannelOutcome> run : runs) {
            try {
                outcomes.add(run.join());
            } catch (CompletionException e) {
                // the other channels finish first; then the invocation fails and is retried (nothing is sent twice)
                failure = failure == null ? (e.getCause() instanceof RuntimeException r ? r : e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Outcome(notice.id(), true, outcomes);
    }

    /** One channel's part of one invocation: until the notice's delivery there is final. */
    private final class ChannelRun {
        private final MerchantId merchant;
        private final NotificationSettings s;
        private final NotifyChannel channel;
        private final Notice notice;
        private final Shifts shifts;
        private final Map<AlertNotice, Acknowledgement> taken;
        private final Budget budget;
        private final long phase;
        private final String sender = "s-" + UUID.randomUUID();
        private int messages;
        private RobotAnswer lastAnswer;

        ChannelRun(MerchantId merchant, NotificationSettings s, NotifyChannel channel, Notice notice, Shifts shifts,
                Map<AlertNotice, Acknowledgement> taken) {
            this.merchant = merchant;
            this.s = s;
            this.channel = channel;
            this.notice = notice;
            this.shifts = shifts;
            this.taken = taken;
            this.budget = channel.budget();
            this.phase = s.phaseOf(channel);
        }

        /** {@code known}: the delivery as this invocation just stored or found it. */
        ChannelOutcome run(Delivery known) {
            Delivery d = known;
            while (true) {
                Instant now = clock.instant();
                if (d.isFinal()) {
                    return new ChannelOutcome(channel.id(), d.state(), lastAnswer != null ? lastAnswer : d.answer(), messages,
                            false);
                }
                Instant giveUpAt = d.queuedAt().plus(Delivery.GIVE_UP_AFTER);
                if (d.isOverdue(now)) {
                    Delivery failed = d.givenUp(now);
                    // the dead letter first: if it cannot be kept, the invocation fails and is retried
                    deadLetters.abandoned(merchant, failed);
                    boolean mine = deliveries.update(merchant, failed);
                    return new ChannelOutcome(channel.id(), DeliveryState.FAILED, failed.answer(), messages, mine);
                }
                if (!d.isDue(now)) {
                    sleepUntil(earliest(d.notBefore(), giveUpAt));
                    d = reread();
                    continue;
                }
                Optional<ChannelState> stored = deliveries.channel(merchant, channel.id());
                ChannelState current = stored.orElseGet(() -> ChannelState.fresh(budget, phase, now));
                ChannelState.Take take = current.take(budget, phase, sender, now);
                if (take instanceof ChannelState.Wait w) {
                    // the next chance to send is the channel's next token (or the vendor's throttle's end); someone holding
                    // the channel now may be sending this very notice, which we learn when we look then
                    Instant until = current.lockedAt(now) || w.at().equals(budget.nextTokenAfter(now, phase)) ? nextLook(now)
                            : w.at();
                    sleepUntil(earliest(until, giveUpAt));
                    d = reread();
                    continue;
                }
                ChannelState held = ((ChannelState.Granted) take).next();
                if (!deliveries.replace(merchant, channel.id(), stored.orElse(null), held)) {
                    // another sender got there first and is sending, perhaps this notice too: look at the next token
                    sleepUntil(earliest(nextLook(now), giveUpAt));
                } else {
                    sendWhileHolding(held);
                }
                d = reread();
            }
        }

        private Delivery reread() {
            return deliveries.find(merchant, notice.id(), channel.id()).orElseThrow(() -> new IllegalStateException(
                    "delivery of " + notice.id() + " to channel " + channel.id() + " vanished"));
        }

        /**
         * When to look again while someone else may be sending: the channel's next token, a little
         * after it - every waiter of the channel wakes for the same token, so each one's own offset
         * (from its notice, up to {@link #HERD_SPREAD}) lets the first take it quickly and spares the
         * store the rest arriving at once.
         */
        private Instant nextLook(Instant now) {
            long spread = Math.floorMod((notice.id() + "\n" + channel.id()).hashCode(), HERD_SPREAD.toMillis());
            return latest(budget.nextTokenAfter(now, phase).plusMillis(spread), now.plus(LOCK_WAIT));
        }

        private void sendWhileHolding(ChannelState held) {
            boolean sent = false;
            Duration block = Duration.ZERO;
            try {
                Instant now = clock.instant();
                List<Delivery> batch = batch(now);
                if (batch.isEmpty()) {
                    return;
                }
                Message message = compose(batch);
                if (message.digest()) {
                    // only what the digest names is told now
                    List<String> named = message.about().stream().map(n -> n.id()).toList();
                    batch = batch.stream().filter(d -> named.contains(d.noticeId())).toList();
                }
                RobotAnswer answer = robots.send(channel, message, now);
                sent = true;
                messages++;
                lastAnswer = answer;
                int attempt = batch.stream().mapToInt(Delivery::attempts).max().orElse(0) + 1;
                Verdict verdict = Answers.classify(channel.kind(), answer, attempt);
                block = verdict.blockChannelFor();
                Instant after = clock.instant();
                List<Delivery> told = new ArrayList<>();
                for (Delivery d : batch) {
                    told.add(d.after(verdict, answer, message.digest(), after));
                }
                deliveries.updateAll(merchant, told);
            } finally {
                ChannelState released = held.released(budget, phase, !sent, block, clock.instant());
                // nobody else writes while we hold the lock; if it expired and was taken, theirs stands
                deliveries.replace(merchant, channel.id(), held, released);
            }
        }

        /** What this message tells of: the waiting deliveries due now, oldest first, as many as one message holds. */
        private List<Delivery> batch(Instant now) {
            Delivery own = deliveries.find(merchant, notice.id(), channel.id()).orElseThrow();
            if (!channel.kind().digests() || !(notice instanceof AlertNotice)) {
                return own.isDue(now) ? List.of(own) : List.of();
            }
            List<Delivery> due = new ArrayList<>();
            for (Delivery d : deliveries.waiting(merchant, channel.id(), DIGEST_READ)) {
                if (d.isDue(now) && d.notice() instanceof AlertNotice && !d.noticeId().equals(own.noticeId())) {
                    due.add(d);
                }
            }
            if (own.isDue(now)) {
                due.add(own);
            }
            due.sort(Comparator.comparing(Delivery::queuedAt).thenComparing(Delivery::noticeId));
            return due;
        }

        /** The message for what waits; a digest names as many as fit, the rest wait for the next message. */
        private Message compose(List<Delivery> batch) {
            if (batch.size() == 1) {
                Notice n = batch.get(0).notice();
                if (n instanceof CycleNotice c) {
                    return Messages.cycleClosed(s, channel, c);
                }
                AlertNotice a = (AlertNotice) n;
                Map<AlertNotice, Acknowledgement> acks = a.id().equals(notice.id()) ? taken : Map.of();
                return Messages.single(s, channel, a, Routing.mentions(s, a, shifts), acks);
            }
            List<AlertNotice> notices = batch.stream().map(d -> (AlertNotice) d.notice()).toList();
            return Messages.digest(s, channel, notices, a -> Routing.mentions(s, a, shifts));
        }

        private void sleepUntil(Instant until) {
            try {
                pacer.sleepUntil(until);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for channel " + channel.id(), e);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
