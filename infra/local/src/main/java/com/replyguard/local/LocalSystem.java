package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.SamTemplate;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * ReplyGuard on one machine: a DynamoDB (its own dynalite, or a given endpoint) with the tables of
 * template.yaml, and every function of the template instantiated from its {@code Handler} with the
 * template's environment, behind one HTTP port routed by the template's HttpApi events. The same
 * handler code as in AWS; only the environment differs ({@code DYNAMODB_ENDPOINT},
 * {@code MERCHANTS_FILE}).
 */
public final class LocalSystem implements AutoCloseable {
    /** What to start: port (0 = any free one), an external DynamoDB endpoint or null, the merchants file. */
    public record Options(int port, URI dynamoEndpoint, Path merchantsFile, Path template) {
    }

    private final Dynalite dynalite;
    private final HttpApiGateway gateway;
    private final URI dynamoEndpoint;

    private LocalSystem(Dynalite dynalite, HttpApiGateway gateway, URI dynamoEndpoint) {
        this.dynalite = dynalite;
        this.gateway = gateway;
        this.dynamoEndpoint = dynamoEndpoint;
    }

    public static LocalSystem start(Options options) throws IOException {
        Dynalite dynalite = options.dynamoEndpoint() == null ? Dynalite.start() : null;
        URI endpoint = dynalite != null ? dynalite.endpoint() : options.dynamoEndpoint();
        HttpApiGateway gateway = null;
        try {
            SamTemplate template = SamTemplate.read(options.template(), "");
            try (DynamoDbClient dynamo = Dynalite.client(endpoint)) {
                template.createMissingTables(dynamo);
            }
            gateway = new HttpApiGateway(options.port());
            for (SamTemplate.Function f : template.functions()) {
                Map<String, String> env = new LinkedHashMap<>(f.environment());
                env.put("DYNAMODB_ENDPOINT", endpoint.toString());
                env.put("MERCHANTS_FILE", options.merchantsFile().toAbsolutePath().toString());
                env.put("AWS_REGION", "us-east-1");
                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = instantiate(f.handlerClass(), env);
                for (SamTemplate.Route r : f.routes()) {
                    gateway.bind(f.logicalId(), r, handler);
                }
            }
            gateway.start();
            return new LocalSystem(dynalite, gateway, endpoint);
        } catch (RuntimeException | IOException e) {
            if (gateway != null) {
                gateway.close();
            }
            if (dynalite != null) {
                dynalite.close();
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(String className,
            Map<String, String> env) {
        try {
            Class<?> type = Class.forName(className);
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) type.getConstructor(Map.class)
                    .newInstance(env);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("handler " + className + " failed to start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template names handler " + className
                    + ", which is missing or has no (Map<String,String>) constructor", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    /** Our own dynalite (null with an external endpoint), e.g. to count the requests it served. */
    public Dynalite dynalite() {
        return dynalite;
    }

    @Override
    public void close() {
        gateway.close();
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
