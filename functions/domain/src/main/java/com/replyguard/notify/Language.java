package com.replyguard.notify;

import java.util.Optional;

/** The language people read their messages in: Chinese by default, English on request. */
public enum Language {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<Language> parse(String tag) {
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(tag)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
