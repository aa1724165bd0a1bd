// The emulator as `--demo` runs it: listening at once, the scenario's history computed in the background
// in slices, so that requests arriving meanwhile share the server with that catch-up.
import {startEmulator} from '../../../source/emulator/index.js';

const emulator = await startEmulator({scenario: process.argv[2] ?? 'demo'});
process.stdout.write(`listening on ${emulator.url}\n`);
process.once('SIGTERM', () => void emulator.stop().then(() => process.exit(0)));
