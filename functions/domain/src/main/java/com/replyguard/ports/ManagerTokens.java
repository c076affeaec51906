package com.replyguard.ports;

import com.replyguard.merchant.Manager;
import java.util.Optional;

/**
 * Port: the manager a bearer token belongs to - merchant, role and team (invariant 7). Local mode
 * reads the merchants file; in AWS the HTTP API's JWT authorizer verifies the token and the
 * handler reads the same facts from its claims.
 */
public interface ManagerTokens {
    Optional<Manager> managerOf(String bearerToken);
}
