package com.replyguard.adapters.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.DueJson;
import com.replyguard.ports.Due;
import com.replyguard.ports.EscalationDispatcher;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Hands due conversations to the escalation λ: an asynchronous Invoke per 100 entries (Lambda
 * retries async invocations and sends the last failure to the function's on-failure destination).
 * A refused invoke throws; the entries stay due and the wheel hands them over again.
 */
public final class LambdaEscalationDispatcher implements EscalationDispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda;
    private final String functionName;

    public LambdaEscalationDispatcher(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void dispatch(List<Due> due) {
        for (int from = 0; from < due.size(); from += 100) {
            List<Due> chunk = due.subList(from, Math.min(due.size(), from + 100));
            byte[] payload;
            try {
                payload = JSON.writeValueAsBytes(DueJson.payload(chunk));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            InvokeResponse r = lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromByteArray(payload)));
            if (r.statusCode() == null || r.statusCode() != 202) {
                throw new IllegalStateException("async invoke of " + functionName + " answered " + r.statusCode());
            }
        }
    }
}
