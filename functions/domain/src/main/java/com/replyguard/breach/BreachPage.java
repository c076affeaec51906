package com.replyguard.breach;

import java.util.List;

/** One page of breaches ordered by deadline; {@code nextToken} is null on the last page. */
public record BreachPage(List<Breach> breaches, String nextToken) {
    public BreachPage {
        breaches = List.copyOf(breaches);
    }
}
