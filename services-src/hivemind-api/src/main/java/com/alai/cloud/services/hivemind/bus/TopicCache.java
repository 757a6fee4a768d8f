package com.alai.cloud.services.hivemind.bus;

/** What a replica remembers about topics and must forget when one is deleted, here or on another replica. */
public interface TopicCache {
    void forget(String topic);

    /** After the LISTEN session was lost: a deletion may have gone unheard. */
    void forgetAll();
}
