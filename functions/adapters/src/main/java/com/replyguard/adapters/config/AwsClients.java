package com.replyguard.adapters.config;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How every function builds an AWS SDK client: once per execution environment, with the region of
 * {@code AWS_REGION}, the function's environment credentials and the one lightweight HTTP client
 * (no Apache or Netty client on the class path): explicit, so nothing is probed at cold start.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Environment env) {
        return build(builder, env, Duration.ofSeconds(5));
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Environment env,
            Duration socketTimeout) {
        return builder.region(Region.of(env.require("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(http(socketTimeout))
                .build();
    }

    private static SdkHttpClient http(Duration socketTimeout) {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(socketTimeout).build();
    }

    /**
     * The functions' DynamoDB client, the same way; {@code DYNAMODB_ENDPOINT} (the local runner and
     * tests) points it at a local DynamoDB with fixed local credentials.
     */
    public static DynamoDbClient dynamoDb(Environment env) {
        String endpoint = env.optional("DYNAMODB_ENDPOINT");
        if (endpoint == null) {
            return build(DynamoDbClient.builder(), env, Duration.ofSeconds(10));
        }
        return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(http(Duration.ofSeconds(10))).build();
    }
}
