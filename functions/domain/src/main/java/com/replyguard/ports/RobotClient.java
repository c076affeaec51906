package com.replyguard.ports;

import com.replyguard.notify.Message;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import java.time.Instant;

/**
 * Port: sends one message to one channel in its vendor's format, signed as the vendor documents,
 * and answers what the robot said. Never throws for the robot's failures: an unreachable robot or an
 * address that is not allowed is an answer too ({@link RobotAnswer#unreachable}, {@link RobotAnswer#notSent}).
 */
public interface RobotClient {
    RobotAnswer send(NotifyChannel channel, Message message, Instant now);
}
