package com.replyguard.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Read-only view of an API Gateway request, from either API type: an HTTP API's payload 2.0 (the
 * manager API) or a REST API's Lambda proxy event (the webhooks, which sit behind AWS WAF;
 * docs/decisions/0006). Headers case-insensitively, query and path parameters, the route key
 * ({@code METHOD /path/{param}}, the same text for both types), and the body as the exact bytes
 * that were sent (base64 decoded when API Gateway encoded it), which webhook signatures are computed over.
 */
public final class ApiRequest {
    private final String routeKey;
    private final String method;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final Map<String, String> pathParameters;
    private final String body;
    private final boolean base64;

    /** An HTTP API (payload 2.0) request. */
    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.routeKey = event.getRouteKey() == null ? "" : event.getRouteKey();
        this.method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "";
        this.headers = event.getHeaders();
        this.query = event.getQueryStringParameters();
        this.pathParameters = event.getPathParameters();
        this.body = event.getBody();
        this.base64 = event.getIsBase64Encoded();
    }

    /**
     * A REST API Lambda-proxy request. Its route key is the method and the resource template
     * ({@code resource}, e.g. {@code /webhooks/{merchantId}/events}), so it reads like an HTTP API's.
     */
    public ApiRequest(APIGatewayProxyRequestEvent event) {
        String httpMethod = event.getHttpMethod() == null ? "" : event.getHttpMethod();
        this.routeKey = event.getResource() == null ? "" : httpMethod + " " + event.getResource();
        this.method = httpMethod;
        this.headers = event.getHeaders();
        this.query = event.getQueryStringParameters();
        this.pathParameters = event.getPathParameters();
        this.body = event.getBody();
        this.base64 = Boolean.TRUE.equals(event.getIsBase64Encoded());
    }

    public String routeKey() {
        return routeKey;
    }

    public String method() {
        return method;
    }

    public String header(String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    public String query(String name) {
        return query == null ? null : query.get(name);
    }

    public String pathParameter(String name) {
        return pathParameters == null ? null : pathParameters.get(name);
    }

    public byte[] body() {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body length in bytes without decoding it (base64: 3 bytes per 4 characters). */
    public long bodyLength() {
        if (body == null) {
            return 0;
        }
        return base64 ? (long) body.length() * 3 / 4 : body.getBytes(StandardCharsets.UTF_8).length;
    }

}
