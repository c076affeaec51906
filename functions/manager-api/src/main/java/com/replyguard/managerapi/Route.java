package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * What answers one route: parse the call, run one use case, answer its typed result (JSON, or CSV
 * when asked for). Bad input is thrown as {@code InvalidInput}, a refused role as
 * {@code Manager.NotPermitted}; the handler maps them (400, 403).
 */
@FunctionalInterface
interface Route {
    APIGatewayV2HTTPResponse answer(Call call);
}
