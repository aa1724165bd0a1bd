import type {BatchReference} from '../domain/batch-reference.js';
import type {EmulatorRequest} from './emulator-command.js';
import type {BatchFilter} from '../omics/batch-api.js';
import type {OmicsConnection} from '../omics/omics-client.js';
import type {IntervalBounds} from '../poller/interval-policy.js';
import type {Operation} from '../poller/operation-budgets.js';
import type {SortMode} from '../ui/state/ui-state.js';
import type {ConfigFile} from './config-file.js';
import type {EffectiveSettings} from './settings.js';

export type OutputMode = 'tui' | 'plain' | 'json';

/** Everything `batchtop [IDS]` needs, validated before anything touches the terminal or the network. */
export interface WatchConfig {
	readonly command: 'watch';
	readonly references: readonly BatchReference[];
	/** Set when no IDs are given: watch what ListBatch finds. */
	readonly discovery?: {readonly filter: BatchFilter; readonly includeFinished: boolean};
	readonly connection: OmicsConnection;
	/** --demo: the emulator to start in-process (the connection then points at it). */
	readonly demo?: EmulatorRequest;
	readonly interval: IntervalBounds;
	/** --max-rps: the GetBatch and ListBatch (polling) budget. */
	readonly maxRequestsPerSecond: number;
	/** --budget / the config file's `budget`: other operations' budgets (TPS) over their defaults. */
	readonly budgets?: Partial<Record<Operation, number>>;
	readonly output: OutputMode;
	readonly once: boolean;
	readonly exitStatus: boolean;
	readonly failFast: boolean;
	readonly timeoutMs?: number;
	readonly staleTimeoutMs: number;
	/** --request-timeout: the deadline of one call (also for the demo's emulator). */
	readonly requestTimeoutMs?: number;
	readonly logFile?: string;
	readonly notify: boolean;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly alternateScreen: boolean;
	/** --title or the config file's `title`: the terminal title shows the counts. */
	readonly title: boolean;
	/** --mouse or the config file's `mouse`: wheel and clicks in the monitor. */
	readonly mouse: boolean;
	/** --allow-cancel: the monitor's `c` key may send CancelRunBatch (never from the config file). */
	readonly allowCancel: boolean;
	/** --sort or the config file's `sort`: the monitor's first sort (`s` cycles from there). */
	readonly initialSort: SortMode;
}

export interface EmulatorConfig {
	readonly command: 'emulator';
	readonly options: EmulatorRequest;
}

/** `batchtop --print-config`: every setting with where it came from; nothing is started. */
export interface PrintConfig {
	readonly command: 'print-config';
	readonly settings: EffectiveSettings;
	/** The config file looked for (none without a home directory), and whether it was there. */
	readonly configFile: Pick<ConfigFile, 'path' | 'found'> | undefined;
	readonly json: boolean;
}

export type CliConfig = WatchConfig | EmulatorConfig | PrintConfig;
