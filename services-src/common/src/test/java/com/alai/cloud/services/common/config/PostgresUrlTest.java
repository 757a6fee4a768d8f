package com.alai.cloud.services.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {
    @Test
    void aJdbcUrlCarriesItsUserAndPasswordInTheQuery() {
        var url = PostgresUrl.parse("jdbc:postgresql://localhost:5432/hivemind?user=postgres&password=s%26cret");
        assertEquals("postgres", url.user());
        assertEquals("s&cret", url.password());
        assertEquals("jdbc:postgresql://localhost:5432/hivemind?user=postgres&password=s%26cret", url.jdbcUrl());
    }

    @Test
    void aJdbcUrlWithoutAUserLeavesItToDatabaseUser() {
        assertNull(PostgresUrl.parse("jdbc:postgresql://localhost:5432/hivemind?ssl=true").user());
    }
}
