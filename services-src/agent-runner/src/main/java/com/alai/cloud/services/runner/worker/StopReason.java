package com.alai.cloud.services.runner.worker;

/** Why a running attempt was stopped before it ended by itself. */
enum StopReason {
    CANCELLED, TIMED_OUT, LEASE_LOST, WORKER_STOPPING
}
