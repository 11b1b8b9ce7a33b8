package com.delivery.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class RedisFailuresTest {

    @Test
    void noConnectionNoAnswerOrARejectedCommandIsAnOutage() {
        assertThat(RedisFailures.isOutage(new RedisConnectionFailureException("Redis connection failed",
                new RedisConnectionException("Unable to connect")))).isTrue();
        assertThat(RedisFailures.isOutage(new QueryTimeoutException("Redis command timed out",
                new RedisCommandTimeoutException("Command timed out after 250 millisecond(s)")))).isTrue();
        assertThat(RedisFailures.isOutage(new RedisSystemException("Redis exception",
                new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
    }

    @Test
    void anErrorReplyIsNoOutageUnlessRedisSaysNotNow() {
        assertThat(RedisFailures.isOutage(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("ERR Error running script")))).isFalse();
        assertThat(RedisFailures.isOutage(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("WRONGTYPE Operation against a key")))).isFalse();
        assertThat(RedisFailures.isOutage(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")))).isTrue();
    }

    @Test
    void onlyAConnectionThatCouldNotBeMadeIsAConnectFailure() {
        assertThat(RedisFailures.isConnectFailure(new RedisConnectionFailureException("Redis connection failed",
                new RedisConnectionException("Unable to connect")))).isTrue();
        assertThat(RedisFailures.isConnectFailure(new QueryTimeoutException("Redis command timed out"))).isFalse();
        assertThat(RedisFailures.isConnectFailure(new RedisSystemException("Redis exception",
                new RedisException("Currently not connected. Commands are rejected.")))).isFalse();
    }
}
