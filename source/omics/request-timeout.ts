/**
 * The default deadline of one call, ms (--request-timeout). A module of its own: the command line's
 * settings read it without loading the SDK.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
