package com.alai.cloud.services.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event of a run's life, numbered from 1 per run (the SSE id, so a client resumes with Last-Event-ID). */
public record RunEvent(long runId, int seq, String kind, JsonNode data, Instant at) {
}
