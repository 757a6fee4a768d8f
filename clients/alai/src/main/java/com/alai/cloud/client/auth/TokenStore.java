package com.alai.cloud.client.auth;

import java.util.Optional;

/** Where a profile's {@link TokenSet} (as JSON) is kept between commands. */
public interface TokenStore {
    Optional<String> read(String profile);

    void write(String profile, String json);

    /** True when there was something to delete. */
    boolean delete(String profile);

    /** Where, in words, for `alai auth status` and the login message. */
    String describe(String profile);
}
