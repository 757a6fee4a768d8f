package com.alai.cloud.deploy.flow;

import java.util.List;

/** The steps of the two operations, in order; the journal records the last one completed. */
public enum Step {
    PREFLIGHT, IMAGES, CHECKPOINT, REFRESH, APPLY, VALIDATE, RECORD;

    public static final List<Step> UP = List.of(PREFLIGHT, IMAGES, CHECKPOINT, APPLY, VALIDATE, RECORD);
    public static final List<Step> ROLLBACK = List.of(REFRESH, CHECKPOINT, APPLY, VALIDATE, RECORD);
}
