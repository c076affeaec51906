package com.replyguard.intake;

import java.util.List;

/** A request refused as a whole (contract: 400, nothing stored), with every problem found. */
public final class BatchRejected extends RuntimeException {
    private final String summary;
    private final List<Problem> problems;

    public BatchRejected(String summary, List<Problem> problems) {
        super(summary + " (" + problems.size() + " problem(s))");
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    public String summary() {
        return summary;
    }

    public List<Problem> problems() {
        return problems;
    }
}
