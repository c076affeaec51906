package com.replyguard.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.replyguard.intake.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON answers of the public API, including the contract's error shape. */
public final class ApiResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
                    .withBody(MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode response", e);
        }
    }

    /** {@code {"error": message}} with optional details. */
    public static APIGatewayV2HTTPResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public static APIGatewayV2HTTPResponse error(int status, String message, List<Problem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("details", details(problems));
        return json(status, body);
    }

    /** Problems as answers list them: {@code [{index, field, message}]}. */
    public static List<Map<String, Object>> details(List<Problem> problems) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("index", p.index());
            d.put("field", p.field());
            d.put("message", p.message());
            details.add(d);
        }
        return details;
    }

    public static APIGatewayV2HTTPResponse unauthorized(String message) {
        APIGatewayV2HTTPResponse r = error(401, message);
        Map<String, String> headers = new LinkedHashMap<>(r.getHeaders());
        headers.put("WWW-Authenticate", "Bearer");
        r.setHeaders(headers);
        return r;
    }

    /**
     * The same answer in a REST API's Lambda-proxy shape ({@code statusCode, headers, body,
     * isBase64Encoded}): the webhooks are served by a REST API (AWS WAF sits in front of it), the
     * manager API by an HTTP API; both build their answers here.
     */
    public static APIGatewayProxyResponseEvent forRestApi(APIGatewayV2HTTPResponse r) {
        return new APIGatewayProxyResponseEvent().withStatusCode(r.getStatusCode())
                .withHeaders(r.getHeaders() == null ? Map.of() : r.getHeaders()).withBody(r.getBody())
                .withIsBase64Encoded(r.getIsBase64Encoded());
    }
}
