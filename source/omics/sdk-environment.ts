// Imported before the AWS SDK: on Node < 22 the SDK prints a support warning at load, which would
// jolt a full-screen UI. Setting it here, first, keeps every entry point (CLI, tests, bench) quiet.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
export {};
