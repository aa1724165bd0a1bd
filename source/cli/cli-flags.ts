import type {AnyFlags, TypedFlags} from 'meow';

/**
 * Every flag meow knows; values stay strings so one validator can explain what is wrong with them.
 * No boolean has a default (meow runs with `booleanDefault: undefined`): a flag that is absent is
 * `undefined`, so the config file and the environment can fill it in, and a flag that does not apply
 * to the command can be told apart from one left alone.
 */
export const FLAGS = {
	// Where and what
	region: {type: 'string'},
	profile: {type: 'string'},
	endpointUrl: {type: 'string'},
	all: {type: 'boolean'},
	status: {type: 'string'},
	name: {type: 'string'},
	runGroup: {type: 'string'},
	// Polling
	interval: {type: 'string'},
	maxRps: {type: 'string'},
	budget: {type: 'string'},
	requestTimeout: {type: 'string'},
	// Output
	plain: {type: 'boolean'},
	json: {type: 'boolean'},
	once: {type: 'boolean'},
	exitStatus: {type: 'boolean'},
	wait: {type: 'boolean'},
	failFast: {type: 'boolean'},
	timeout: {type: 'string'},
	staleTimeout: {type: 'string'},
	log: {type: 'string'},
	notify: {type: 'boolean'},
	color: {type: 'boolean'},
	ascii: {type: 'boolean'},
	altScreen: {type: 'boolean'},
	title: {type: 'boolean'},
	mouse: {type: 'boolean'},
	allowCancel: {type: 'boolean'},
	sort: {type: 'string'},
	printConfig: {type: 'boolean'},
	// batchtop failures
	csv: {type: 'boolean'},
	kind: {type: 'string'},
	retryManifest: {type: 'string'},
	settings: {type: 'string'},
	// Demo and emulator
	demo: {type: 'boolean'},
	scenario: {type: 'string'},
	speed: {type: 'string'},
	port: {type: 'string'},
	host: {type: 'string'},
	seed: {type: 'string'},
	fault: {type: 'string', isMultiple: true},
	runSummaryLag: {type: 'string'},
	s3SettingsRuns: {type: 'string'},
} as const satisfies AnyFlags;

export type FlagName = keyof typeof FLAGS;

/**
 * The flags as meow returns them, typed from FLAGS: reading a name that is not a flag is a type error,
 * and a flag's value has the type its definition gives it (absent ones `undefined`).
 */
export type Flags = Readonly<Partial<TypedFlags<typeof FLAGS>>>;

/**
 * Where a flag applies: `watch` (batchtop [IDS], --demo included), `emulator` (batchtop emulator only),
 * `simulation` (batchtop emulator and --demo: they configure the simulated account), and, for watch
 * flags, whether they also apply to --once (which reads every batch once and exits); `failures`:
 * `batchtop failures` only (which flags of the others it takes: cli/failures-config.ts).
 */
export type FlagScope = 'watch' | 'watch-not-once' | 'emulator' | 'simulation' | 'failures';

/** Every flag's scope; a flag added to FLAGS without one does not compile. */
export const FLAG_SCOPES: {readonly [Name in FlagName]: FlagScope} = {
	region: 'watch',
	profile: 'watch',
	endpointUrl: 'watch',
	all: 'watch',
	status: 'watch',
	name: 'watch',
	runGroup: 'watch',
	// Accepted with --once, where it changes nothing: a polling setting, like --max-rps (scripts share them).
	interval: 'watch',
	maxRps: 'watch',
	budget: 'watch',
	requestTimeout: 'watch',
	plain: 'watch',
	json: 'watch',
	once: 'watch',
	exitStatus: 'watch-not-once',
	wait: 'watch-not-once',
	failFast: 'watch-not-once',
	timeout: 'watch-not-once',
	staleTimeout: 'watch-not-once',
	log: 'watch-not-once',
	notify: 'watch-not-once',
	color: 'watch',
	ascii: 'watch',
	altScreen: 'watch',
	// The monitor's, not --once's: it shows no title and reads no mouse.
	title: 'watch-not-once',
	mouse: 'watch-not-once',
	// The monitor's `c` key; --once, --plain and --json never write.
	allowCancel: 'watch-not-once',
	sort: 'watch',
	printConfig: 'watch',
	csv: 'failures',
	kind: 'failures',
	retryManifest: 'failures',
	settings: 'failures',
	demo: 'watch',
	scenario: 'simulation',
	speed: 'simulation',
	port: 'emulator',
	host: 'emulator',
	seed: 'simulation',
	fault: 'simulation',
	runSummaryLag: 'simulation',
	s3SettingsRuns: 'simulation',
};

/** `maxRps` -> `max-rps`, as the flag is typed on the command line. */
export const kebabCase = (name: string): string =>
	name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export const HELP = `
  Watch AWS HealthOmics run batches.

  Usage
    $ batchtop [BATCH_ID|BATCH_ARN ...] [options]     watch these batches
    $ batchtop [options]                               watch every active batch (and new ones)
    $ batchtop --demo                                  watch the built-in emulator's demo account
    $ batchtop emulator [--port N] [--scenario S]      serve the emulator
    $ batchtop failures BATCH [--json|--csv] [--kind K] list every failure of a batch
    $ batchtop failures BATCH --retry-manifest FILE    write its failed run settings for a new batch

  AWS (same names as the AWS CLI; AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_OMICS and the other
  AWS_* variables work too, and so does the SDK's credential chain, SSO profiles included)
    --region R            Region (default: the environment, the profile, or a batch ARN's)
    --profile P           Shared-config profile
    --endpoint-url URL    Custom endpoint, e.g. the emulator

  Which batches, when no IDs are given (one filter at a time, as the API allows)
    --all                 Also batches that have already finished
    --status S            Only this status (CREATING, PENDING, SUBMITTING, INPROGRESS, STOPPING,
                          CANCELLED, FAILED, PROCESSED, RUNS_DELETING, RUNS_DELETED, RUNS_DELETE_FAILED)
    --name N              Only batches with this name
    --run-group G         Only batches in this run group

  Polling
    --interval MIN[:MAX]  Seconds between polls of one batch: MIN after a change, growing to MAX
                          while nothing changes (default 5:60)
    --max-rps N           Requests per second for polling: GetBatch and ListBatch each (default 2)
    --budget OP=N,...     Requests per second of other calls, e.g. GetRun=8 (default half of each
                          documented quota; never above it; see README)
    --request-timeout D   Give up on one call after D, body included (default 15s)

  Output (a full-screen monitor when stdin and stdout are terminals, else --plain)
    --plain               One line per change, with a timestamp; a summary at the end
    --json                One JSON object per change (NDJSON) and a final summary object
    --once                Print the current state of every batch and exit (a table, or NDJSON);
                          --wait, --fail-fast, --timeout, --stale-timeout, --log and --notify
                          do not apply to it
    --exit-status, --wait Wait until every batch has finished; the exit code says how they did
    --fail-fast           Stop at the first failure
    --timeout D           Give up after D (e.g. 90s, 30m, 2h): exit 5 if batches are still running
    --stale-timeout D     Exit 6 when HealthOmics has been unreachable for D (default 10m)
    --log FILE            Append every event to FILE as NDJSON; on restart, say what changed since
    --notify              Bell and desktop notification (OSC 9/777, through tmux) when a batch ends
    --no-color            No colour (also NO_COLOR or TERM=dumb; FORCE_COLOR or --color force it)
    --ascii               ASCII only (also TERM=dumb or linux)
    --no-alt-screen       Draw the monitor on the normal screen
    --title               Show the counts in the terminal (tmux window) title, e.g. "batchtop: 3 active,
                          1 failed"; the title before is restored on exit
    --mouse               The wheel scrolls the focused pane, a click selects a batch (off by default:
                          while it is on, the terminal's own text selection needs Shift)
    --allow-cancel        Let c cancel the selected batch (CancelRunBatch) after you type its name;
                          off by default, and the only way batchtop writes to the account
    --sort MODE           The monitor's first sort: status (default), name, progress or age

  batchtop failures BATCH_ID|BATCH_ARN (one line per failed submission and failed run; also takes
  --region, --profile, --endpoint-url, --max-rps, --budget, --request-timeout, --json, --demo; exit 0
  when listed)
    --csv                 RFC 4180 CSV with a header row (--json: NDJSON, fields in README)
    --kind K              submission, run or all (default)
    --retry-manifest FILE Write the failed runSettingIds' entries, a StartRunBatch inlineSettings /
                          s3UriSettings JSON array, to FILE instead (exit 7: some could not be included)
    --settings FILE       With --retry-manifest: copy entries from the batch's original run settings
                          (a JSON array, or a start-run-batch --cli-input-json file) instead of GetRun

  Demo and emulator
    --demo                Start the emulator in-process and watch it: no AWS account needed
    --scenario S          demo (default), empty, hostile, or a scenario JSON file
    --speed X             Virtual seconds per real second (default 1)
    --seed N, --fault SPEC, --run-summary-lag S, --s3-settings-runs N   (see README)
    --port N, --host A    Where batchtop emulator listens (default 127.0.0.1, any free port)

  Settings (defaults from a config file: $XDG_CONFIG_HOME/batchtop/config.json, else
  ~/.config/batchtop/config.json, or BATCHTOP_CONFIG=FILE; keys profile, region, interval, maxRps,
  budget, sort, ascii, color, notify, title, mouse, log, requestTimeout, staleTimeout; flags win over the environment,
  AWS_PROFILE, AWS_REGION, NO_COLOR, TERM..., which wins over the file; see README)
    --print-config        Print every setting and where it came from, then exit (--json: one object)
    -h, --help            This help, anywhere on the line (--version too)

  Exit codes
    0    all batches PROCESSED with no failed runs or submissions (or the watch ended normally)
    1    some runs or submissions failed             3  a batch FAILED or was CANCELLED
    2    usage error, or an unknown batch ID         4  credentials or permission problem
    5    --timeout passed with batches still running 6  unreachable, throttled or unreadable answers
                                                        (longer than --stale-timeout when watching)
    7    batchtop failures --retry-manifest: written, but some failures are not in it (listed on stderr)
    130  interrupted: Ctrl-C, or q in the monitor before a --wait, --fail-fast or --timeout end
    143  terminated (SIGTERM)                        129 hang-up (SIGHUP)
    131  SIGQUIT                                     141 stdout closed by its reader (| head)
    (1 and 3 only with --exit-status or --fail-fast; otherwise a finished watch exits 0;
    --once exits with the code of the worst batch it could not read: 4, 2, 6, then 1)

  Examples
    $ batchtop 4812375 arn:aws:omics:eu-west-1:111122223333:runBatch/4812376
    $ batchtop --status INPROGRESS --profile lab
    $ batchtop 4812375 --wait --timeout 6h --json > batch.ndjson; echo "exit $?"
    $ batchtop --once --json | jq -r 'select(.verdict != "succeeded") | .id'
    $ ssh host batchtop 4812375 --plain --log ~/batchtop.ndjson
    $ batchtop --demo --speed 30
    $ batchtop --print-config --profile lab
`;
