package dev.gatehouse.aws;

/** Where an asynchronous Identity Center write ended. */
public enum WriteStatus {
    SUCCEEDED,
    FAILED,
    /** Still IN_PROGRESS when the wait ended; poll again later with the request id. */
    TIMED_OUT
}
