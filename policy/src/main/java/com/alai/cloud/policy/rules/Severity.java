package com.alai.cloud.policy.rules;

/** Mandatory violations fail `plan` and block `up`; advisory ones are reported only. */
public enum Severity {
    MANDATORY, ADVISORY
}
