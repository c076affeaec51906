package com.replyguard.managerapi;

import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.intake.InvalidInput;

/**
 * The language of a CSV's headers and of the names of levels, clocks, channels and categories in it
 * ({@code ?lang=en}, the default, or {@code ?lang=zh}; docs/decisions/0010). Codes stay the API's in
 * English; in Chinese a cell shows the console's word for the code.
 */
enum Lang {
    EN, ZH;

    /** The {@code lang} query parameter; absent: English. */
    static Lang of(ApiRequest request) {
        String text = request.query("lang");
        if (text == null || text.equalsIgnoreCase("en")) {
            return EN;
        }
        if (text.equalsIgnoreCase("zh")) {
            return ZH;
        }
        throw InvalidInput.of("lang", "must be en or zh (got '" + text + "')");
    }
}
