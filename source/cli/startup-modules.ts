// Everything a command line needs beyond cli.tsx, behind one import(): cli.tsx answers --version and
// --help without loading any of it (the config and flag checks reach the AWS SDK: settings take the
// SDK client's default timeout). One entry, not one import() per module: each entry point is more
// chunks for Node's loader to resolve, read and link, which cost --once ~40 ms.
export {default as meow} from 'meow';
export {defaultConfigFilePath, readConfigFile} from './config-file.js';
export {endingOf, UsageError} from './exit-codes.js';
export {runEmulatorCommand} from './emulator-command.js';
export {parseFailuresConfig, rejectFailuresFlagsElsewhere} from './failures-config.js';
export {parseConfig} from './parse-config.js';
export {printConfigLines, printConfigRecord} from './print-config.js';
export {runWatch} from './run-watch.js';
export {rejectUnknownFlags} from './unknown-flags.js';
