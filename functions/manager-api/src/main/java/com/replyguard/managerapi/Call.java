package com.replyguard.managerapi;

import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;

/**
 * One authenticated request as a route sees it: the caller's merchant (the path's, sealed by the
 * handler), the request, the calling manager and their audit name (a digest of the token, never the
 * token itself).
 */
record Call(Merchant merchant, ApiRequest request, Manager caller, String auditName) {

    String query(String name) {
        return request.query(name);
    }

    String path(String name) {
        return request.pathParameter(name);
    }

    boolean wantsCsv() {
        return Csv.wanted(request.header("Accept"));
    }

    String merchantId() {
        return merchant.id().value();
    }
}
