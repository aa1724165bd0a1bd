// The emulator's public surface. The monitor may import only this file (for --demo).
export {startEmulator, type Emulator, type EmulatorOptions} from './start-emulator.js';
export {parseFaultSpecs, FaultSpecError, OPERATIONS, type FaultTable} from './http/faults.js';
export {ScenarioError, BUILTIN_SCENARIOS} from './scenario/load-scenario.js';
export type {Scenario, BatchSpec} from './scenario/scenario-schema.js';
