package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import java.util.Optional;

/**
 * Port: which merchant a manager's bearer token belongs to (invariant 7). Local mode reads the
 * merchants file; in AWS a JWT authorizer takes this role.
 */
public interface ManagerTokens {
    Optional<MerchantId> merchantOf(String bearerToken);
}
