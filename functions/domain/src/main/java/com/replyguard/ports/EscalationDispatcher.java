package com.replyguard.ports;

import java.util.List;

/** Port: hands due conversations to the escalation function (asynchronously in AWS). */
public interface EscalationDispatcher {
    void dispatch(List<Due> due);
}
