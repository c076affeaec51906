package com.replyguard.notify;

import java.util.List;
import java.util.Objects;

/**
 * One message to one channel, before a vendor's format: a title (it carries the keyword a robot's
 * filter may require), plain-text lines, an optional link, the people to mention and the notices it
 * tells of ({@code digest}: several coalesced into one). Composed by {@link Messages}; rendered and
 * signed per vendor by the robot client. Holds no customer id and no message text.
 */
public record Message(String title, List<String> lines, String linkText, String link, List<Person> mentions,
        List<Notice> about, boolean digest, Language language) {
    public Message {
        Objects.requireNonNull(title);
        lines = List.copyOf(lines);
        mentions = List.copyOf(mentions);
        about = List.copyOf(about);
        Objects.requireNonNull(language);
    }
}
