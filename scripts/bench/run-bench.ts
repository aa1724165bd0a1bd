// `npm run bench`: measures batchtop against its targets and writes BENCHMARKS.md.
// `npm run bench -- --quick`: every measurement, tiny, so that CI proves the script still runs; it
// writes its report to the temp directory and asserts no timing.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {machineDescription} from './lib/machine.js';
import {scenarioFile} from './lib/emulator-process.js';
import {quickScenario} from './lib/quick-scenario.js';
import {median, quantile} from './lib/statistics.js';
import {mergeSections, renderReport, withAnalysis, type Figure} from './lib/report.js';
import {apiEfficiency, isTerminal} from './measures/api-efficiency.js';
import {failureLoading} from './measures/failure-loading.js';
import {emulatorLoad} from './measures/emulator-load.js';
import {firstRead} from './measures/first-read.js';
import {startup} from './measures/first-frame.js';
import {idleCost} from './measures/idle-cost.js';
import {pollCost} from './measures/poll-cost.js';
import {changeCost, renderTimes} from './measures/render-cost.js';
import {scaleMemory} from './measures/scale-memory.js';
import {requestCpu} from './measures/request-cpu.js';
import {soak} from './measures/soak.js';
import {screenTruth} from './measures/screen-truth.js';

// The in-process measures (sections 3, 4 and 8) run the TUI from source: without NODE_ENV=production
// they get React's development build, not the one users run (a section run alone with `npx tsx` did).
if (process.env['NODE_ENV'] !== 'production') {
	process.stderr.write(
		'bench: NODE_ENV must be production (else React’s development build is measured); run npm run bench\n',
	);
	process.exit(2);
}
const quick = process.argv.includes('--quick');
// --only 2,7: measure these sections again and replace just their rows and notes in BENCHMARKS.md.
const onlyArgument = process.argv[process.argv.indexOf('--only') + 1];
const only = process.argv.includes('--only') && onlyArgument ? new Set(onlyArgument.split(',')) : undefined;
if (process.argv.includes('--only') && (!only || [...only].some((section) => !/^[1-8]$/.test(section)))) {
	process.stderr.write(
		`bench: --only takes section numbers 1-8, such as --only 2,5; got "${onlyArgument ?? ''}"\n`,
	);
	process.exit(2);
}
const wanted = (section: string) => !only || only.has(section);
const MB = 1024 * 1024;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const started = Date.now();

const size = quick
	? {
			startups: 1,
			idleRuns: 1,
			idleSeconds: 3,
			idleWarmUp: 1,
			pollBlocks: 1,
			pollCalls: 20,
			changes: 10,
			scaleBatches: 100,
			largeBatches: 300,
			cpuRuns: 1,
			renderUpdates: 10,
			memorySeconds: 2,
			emulatorRequests: 200,
			emulatorBatches: 1,
			firstReadRuns: 1,
			firstReadBatches: 500,
			soakRequests: 1_000,
			soakSample: 2,
			soakMax: 15,
			walkSteps: 50,
		}
	: {
			startups: 7,
			idleRuns: 3,
			idleSeconds: 60,
			// After start every batch is polled at MIN and intervals grow for ~2 min: idle is what follows.
			idleWarmUp: 120,
			pollBlocks: 7,
			pollCalls: 300,
			changes: 100,
			scaleBatches: 1_000,
			largeBatches: 10_000,
			cpuRuns: 1,
			renderUpdates: 200,
			memorySeconds: 20,
			emulatorRequests: 5_000,
			emulatorBatches: 10,
			firstReadRuns: 7,
			firstReadBatches: 10_000,
			soakRequests: 172_800,
			soakSample: 10,
			soakMax: 16 * 60,
			walkSteps: 10_000,
		};

const figures: Figure[] = [];
const notes: string[] = [];

if (wanted('1')) {
	log('1/8 start-up (in turns: node -e 0, --version, --once --json, aws omics get-batch, --demo)');
	const times = await startup(size.startups);
	// Ratios are taken round by round (each pair measured back to back), then their median.
	const ratios = (over: readonly number[], under: readonly number[]) =>
		over.map((value, round) => value / (under[round] ?? Number.NaN));
	const ratioFigure = (id: string, what: string, over: number[], under: number[], target: number): Figure => {
		const runs = ratios(over, under);
		return {id, what, value: median(runs), unit: '×', target, runs};
	};
	figures.push(
		{
			id: '1a',
			what: 'Time to first frame, `batchtop --demo` (pty 120×40, every batch on screen)',
			value: median(times.demoMs),
			unit: 'ms',
			target: 200,
			runs: times.demoMs,
		},
		{
			id: '1b',
			what: 'Time to output, `batchtop --once --json --all` (demo emulator running)',
			value: median(times.onceMs),
			unit: 'ms',
			target: 200,
			runs: times.onceMs,
		},
		{
			id: '1c',
			what: 'Node.js itself (`node -e 0`, in the environment batchtop runs in), the floor under all',
			value: median(times.nodeMs),
			unit: 'ms',
			runs: times.nodeMs,
		},
		{
			id: '1d',
			what: '`batchtop --version`',
			value: median(times.versionMs),
			unit: 'ms',
			runs: times.versionMs,
		},
		ratioFigure('1e', '`--version` as a multiple of `node -e 0` (1d / 1c)', times.versionMs, times.nodeMs, 3),
		ratioFigure(
			'1f',
			'`--once --json` as a multiple of `node -e 0` (1b / 1c)',
			times.onceMs,
			times.nodeMs,
			5,
		),
	);
	if (times.aws) {
		figures.push(
			{
				id: '1g',
				what: `One \`aws omics get-batch\` (${times.aws.version}) against the same emulator, the peer`,
				value: median(times.aws.ms),
				unit: 'ms',
				runs: times.aws.ms,
			},
			ratioFigure(
				'1h',
				'`--once --json` against one `aws omics get-batch` (1b / 1g)',
				times.onceMs,
				times.aws.ms,
				0.3,
			),
			ratioFigure(
				'1i',
				'`--demo`, spawn to every batch on screen, against one `aws omics get-batch` (1a / 1g)',
				times.demoMs,
				times.aws.ms,
				0.7,
			),
		);
	}
	notes.push(
		times.aws
			? `1: ${size.startups} rounds, each running node -e 0, --version, --once --json, aws omics get-batch and --demo in turn, all with the environment of scripts/bench/lib/cli-env.ts (dummy keys, no AWS config files, nothing of the outer environment such as NODE_EXTRA_CA_CERTS). The peer is the installed AWS CLI (${times.aws.version}; the issue measured v2) run as its real script, not through a pyenv shim: a real signed GetBatch against the same local emulator, answered, printed as JSON; AWS_DISABLE_HOST_PREFIX_INJECTION=true, because the CLI otherwise sends it to workflows-127.0.0.1, which does not resolve (11 s of DNS retries). Ratios are per round, then their median.`
			: `1: ${size.startups} rounds, each running node -e 0, --version, --once --json and --demo in turn, in the environment of scripts/bench/lib/cli-env.ts. No AWS CLI on PATH: rows 1g-1i (the peer and the ratios to it) were not measured.`,
	);
}

if (wanted('2')) {
	log('2/8 idle cost');
	const idle = await idleCost(size.idleRuns, size.idleSeconds, size.idleWarmUp);
	const poll = await pollCost(size.pollBlocks, size.pollCalls);
	const sdkMs = median(poll.sdkMs);
	const rawMs = median(poll.rawMs);
	figures.push(
		{
			id: '2a',
			what: `Idle CPU, 10 active batches, 120×40, ${size.idleSeconds} s after the first ${size.idleWarmUp} s (steady state)`,
			value: median(idle.map((sample) => sample.cpuPercent)),
			unit: '% of a core',
			target: 0.5,
			runs: idle.map((sample) => sample.cpuPercent),
		},
		{
			id: '2b',
			what: 'Idle bytes written per second, same run',
			value: median(idle.map((sample) => sample.bytesPerSecond)),
			unit: 'B/s',
			target: 1024,
			runs: idle.map((sample) => sample.bytesPerSecond),
		},
		{
			id: '2c',
			what: `Idle CPU over the first ${size.idleWarmUp} s with every batch on screen (intervals ramping from 5 to 60 s), same run`,
			value: median(idle.map((sample) => sample.rampCpuPercent)),
			unit: '% of a core',
			target: 1,
			runs: idle.map((sample) => sample.rampCpuPercent),
		},
		{
			id: '2d',
			what: 'CPU per GetBatch through the SDK client batchtop builds (sequential calls, emulator)',
			value: sdkMs,
			unit: 'ms',
			runs: poll.sdkMs,
		},
		{
			id: '2e',
			what: 'CPU per GetBatch sent raw on a kept-alive socket (node:http, JSON.parse), same run: the floor',
			value: rawMs,
			unit: 'ms',
			runs: poll.rawMs,
		},
		{
			id: '2f',
			what: 'TCP connections opened per minute in the steady state of 2a (kept-alive sockets reused)',
			value: median(idle.map((sample) => sample.connectionsPerMinute)),
			unit: 'per minute',
			target: 1,
			runs: idle.map((sample) => sample.connectionsPerMinute),
		},
		{
			id: '2g',
			what: 'The floor, same window: a bare Node process on its own pty writing one glyph a second (what a turning spinner costs at the least)',
			value: median(idle.map((sample) => sample.floorCpuPercent)),
			unit: '% of a core',
			runs: idle.map((sample) => sample.floorCpuPercent),
		},
	);
	notes.push(
		`2: requests per steady-state run: ${idle.map((sample) => sample.requests).join(', ')} (10 batches whose counts move on every poll: with no news, each is polled every 60 s); over the first ${size.idleWarmUp} s: ${idle.map((sample) => sample.rampRequests).join(', ')}, on ${idle.map((sample) => sample.rampConnections).join(', ')} connections. A GetBatch through the SDK costs ${(sdkMs / rawMs).toFixed(1)} × the raw request (blocks of ${size.pollCalls} calls each way, interleaved, after a warm-up).`,
	);
}

if (wanted('3')) {
	log('3/8 change cost');
	const change = await changeCost(size.changes);
	figures.push(
		{
			id: '3a',
			what: 'Bytes for one changed counter of one batch (frame that shows it)',
			value: median(change.bytesPerChange),
			unit: 'B',
			target: 300,
			runs: change.bytesPerChange,
			worst: Math.max(...change.bytesPerChange),
		},
		{
			id: '3b',
			what: 'Ghost rows after replaying every byte through @xterm/headless',
			value: change.ghostRows,
			unit: 'rows',
			target: 0,
		},
	);
}

if (wanted('4')) {
	log('4/8 scale');
	const render = await renderTimes(size.scaleBatches, size.renderUpdates);
	const renderLarge = await renderTimes(size.largeBatches, size.renderUpdates, true);
	// The same runs give 4c (memory at 1,000) and the per-request CPU at both sizes.
	const perRequest = await requestCpu(size.scaleBatches, size.largeBatches, size.memorySeconds, size.cpuRuns);
	const memory = perRequest.small[0]!;
	const slow = await scaleMemory(size.largeBatches, size.memorySeconds);
	const smallMs = median(perRequest.small.map((run) => run.cpuMsPerRequest));
	const largeMs = median(perRequest.large.map((run) => run.cpuMsPerRequest));
	const largePeak = Math.max(slow.peakRssBytes, ...perRequest.large.map((run) => run.peakRssBytes));
	figures.push(
		{
			id: '4a',
			what: `Render time per update, ${size.scaleBatches} batches (median)`,
			value: median(render.ms),
			unit: 'ms',
			runs: render.ms,
		},
		{
			id: '4b',
			what: `Render time per update, ${size.scaleBatches} batches (p95)`,
			value: quantile(render.ms, 0.95),
			unit: 'ms',
			target: 16,
		},
		{
			id: '4c',
			what: `Peak RSS watching ${size.scaleBatches} batches (real CLI, --max-rps 50)`,
			value: memory.peakRssBytes / MB,
			unit: 'MB',
			target: 150,
		},
		{
			id: '4d',
			what: `Render time per update, ${size.largeBatches} batches, the changed batch on screen (median)`,
			value: median(renderLarge.ms),
			unit: 'ms',
		},
		{
			id: '4e',
			what: `Render time per update, ${size.largeBatches} batches, the changed batch on screen (p95)`,
			value: quantile(renderLarge.ms, 0.95),
			unit: 'ms',
			target: 16,
		},
		{
			id: '4f',
			what: `CPU per request, ${size.scaleBatches} batches (real CLI, --max-rps 50, every batch polled once)`,
			value: smallMs,
			unit: 'ms',
			runs: perRequest.small.map((run) => run.cpuMsPerRequest),
		},
		{
			id: '4g',
			what: `CPU per request, ${size.largeBatches} batches (same; target 1.5 × 4f)`,
			value: largeMs,
			unit: 'ms',
			target: 1.5 * smallMs,
			runs: perRequest.large.map((run) => run.cpuMsPerRequest),
		},
		{
			id: '4h',
			what: `CPU watching ${size.largeBatches} batches at the default 2 req/s (real CLI, once discovered)`,
			value: slow.cpuPercent,
			unit: '% of a core',
			target: 5,
		},
		{
			id: '4i',
			what: `Peak RSS watching ${size.largeBatches} batches (4g's and 4h's runs)`,
			value: largePeak / MB,
			unit: 'MB',
			target: 250,
		},
	);
	notes.push(
		`4: while watching ${size.scaleBatches} batches at --max-rps 50 the CLI used ${memory.cpuPercent.toFixed(1)}% of a core for ${memory.requests} requests in ${size.memorySeconds} s; ${size.largeBatches} batches: ${perRequest.large.map((run) => `${run.cpuPercent.toFixed(1)}% for ${run.requests}`).join(', ')}; at 2 req/s ${slow.requests} requests. 4g/4f = ${(largeMs / smallMs).toFixed(2)}.`,
	);
}

if (wanted('5')) {
	log(
		quick
			? '5/8 API efficiency (a small scenario at 20x)'
			: '5/8 API efficiency (the demo followed to completion at 50x)',
	);
	const api = quick
		? await apiEfficiency(await scenarioFile('quick', quickScenario()), 20)
		: await apiEfficiency('demo', 50);
	const terminal = api.transitions.filter((transition) => isTerminal(transition.to));
	const terminalDelays = terminal.map((transition) => transition.delayS ?? Number.POSITIVE_INFINITY);
	const allDelays = api.transitions
		.filter((transition) => transition.delayS !== undefined)
		.map((transition) => transition.delayS ?? 0);
	// The fixed poller only asks GetBatch; the watch also reads the failure reasons its events name
	// (ListRuns/ListRunsInBatch pages and one GetRun per failed run): those are counted apart (5e).
	const polling = (api.byOperation['GetBatch'] ?? 0) + (api.byOperation['ListBatch'] ?? 0);
	const reasons = api.requests - polling;
	const failedRunsRead = api.byOperation['GetRun'] ?? 0;
	figures.push(
		{
			id: '5a',
			what: 'Polling requests (GetBatch, ListBatch) to follow the scenario to completion, as a share of a fixed 5 s poller',
			value: (polling / api.fixedPollerRequests) * 100,
			unit: '%',
			target: 50,
		},
		{
			id: '5e',
			what: 'Requests spent reading the failure reasons the watch reports, per failed run read (GetRun is 1)',
			value: failedRunsRead > 0 ? reasons / failedRunsRead : 0,
			unit: 'requests',
		},
		{
			id: '5b',
			what: 'Latest terminal transition to appear (virtual seconds; max interval 60 s)',
			value: Math.max(...terminalDelays),
			unit: 's',
			target: api.maxIntervalS,
		},
	);
	notes.push(
		`5: ${polling} polling requests against ${api.fixedPollerRequests} for a poller asking every 5 s until each batch ends; ${Math.round(api.virtualSeconds)} virtual seconds. ` +
			`Besides, ${reasons} requests read failure reasons (${Object.entries(api.byOperation)
				.filter(([operation]) => operation !== 'GetBatch' && operation !== 'ListBatch')
				.map(([operation, count]) => `${operation} ${count}`)
				.join(
					', ',
				)}): a listing is read again from its start each time a batch's failed count grows, since no order of ListRuns is documented to stop at what was seen. ` +
			`Terminal transitions seen ${terminal.filter((transition) => transition.delayS !== undefined).length}/${terminal.length}, ` +
			`delays median ${median(terminalDelays).toFixed(1)} s. All status transitions: ${allDelays.length}/${api.transitions.length} seen ` +
			`(a batch can pass through a status between two polls), median delay ${median(allDelays).toFixed(1)} s, max ${Math.max(...allDelays).toFixed(1)} s.`,
	);
}

if (wanted('5')) {
	log('5/8 API efficiency: failure loading on the demo at default settings (real time)');
	const loading = await failureLoading();
	const worst = loading.operations.reduce(
		(most, use) => Math.max(most, use.allowed > 0 ? (use.requests / use.allowed) * 100 : 0),
		0,
	);
	figures.push(
		{
			id: '5c',
			what: `First failure groups of the largest failing demo batch, from opening its detail pane`,
			value: loading.firstGroupsMs / 1000,
			unit: 's',
			target: 5,
		},
		{
			id: '5d',
			what: 'Busiest operation while polling and loading failures: requests as a share of its budget (burst + rate × t)',
			value: worst,
			unit: '%',
			target: 100,
		},
	);
	notes.push(
		`5c/5d: ${loading.batchName}, ${loading.failed} failed; all grouped after ${loading.allGroupedMs === undefined ? `more than ${Math.round(loading.seconds)}` : (loading.allGroupedMs / 1000).toFixed(1)} s. ` +
			`Over ${loading.seconds.toFixed(0)} s: ` +
			loading.operations
				.map(
					(use) =>
						`${use.operation} ${use.requests} (${(use.requests / loading.seconds).toFixed(2)}/s of ${use.budgetPerSecond}/s, at most ${Math.floor(use.allowed)})`,
				)
				.join(', ') +
			'.',
	);
}

if (wanted('6')) {
	log('6/8 emulator');
	const emulator = await emulatorLoad(size.emulatorRequests, size.emulatorBatches);
	figures.push(
		{
			id: '6a',
			what: 'Emulator GetBatch server time on 100,000-run batches (p50)',
			value: emulator.serverP50Ms,
			unit: 'ms',
			target: 1,
		},
		{
			id: '6b',
			what: `Emulator RSS with ${size.emulatorBatches} × 100,000 runs, after ${size.emulatorRequests} GetBatch`,
			value: emulator.rssAfterRequestsBytes / MB,
			unit: 'MB',
			target: 200,
		},
	);
	const first = await firstRead(size.firstReadRuns, size.firstReadBatches);
	const batches = size.firstReadBatches.toLocaleString('en-US');
	figures.push(
		{
			id: '6c',
			what: 'Emulator: the demo’s first ListBatch, server time (fresh emulator, sent the moment it listens)',
			value: median(first.demoServerMs),
			unit: 'ms',
			target: 20,
			runs: first.demoServerMs,
		},
		{
			id: '6g',
			what: 'Emulator: demo, spawn to listening (its history is computed before it listens)',
			value: median(first.demoReadyMs),
			unit: 'ms',
			runs: first.demoReadyMs,
		},
		{
			id: '6d',
			what: `Emulator: a ${batches}-batch account, spawn to its first ListBatch answered`,
			value: first.manyWallMs,
			unit: 'ms',
			target: 2000,
		},
		{
			id: '6e',
			what: `Emulator: that first ListBatch, server time`,
			value: first.manyServerMs,
			unit: 'ms',
		},
		{
			id: '6h',
			what: `Emulator: the same account started as --demo starts it (listening at once), its first ListBatch as the client waits`,
			value: first.backgroundWallMs,
			unit: 'ms',
			target: 2000,
		},
		{
			id: '6f',
			what: 'Emulator: longest wait of a /__emulator/stats or GetBatch sent during that ListBatch’s catch-up',
			value: first.worstWaitMs,
			unit: 'ms',
			target: 100,
		},
	);
	notes.push(
		`6: server p95 ${emulator.serverP95Ms.toFixed(3)} ms; client round trip (fetch, same machine) median ${emulator.roundTripP50Ms.toFixed(2)} ms; RSS after replaying an hour of history ${(emulator.rssAfterReplayBytes / MB).toFixed(0)} MB. ` +
			`${first.probes} stats/GetBatch requests were sent, one every ~5 ms, while the ${batches}-batch account, started as --demo starts it, caught up (its ListBatch: ${first.backgroundServerMs.toFixed(0)} ms server time); the scenario is \`manyBatches\` in scripts/bench/lib/bench-scenarios.ts (one batch of 20-216 runs every 25 s over ${Math.round((size.firstReadBatches * 25) / 86_400)} days).`,
	);
}

if (wanted('7')) {
	log('7/8 soak');
	const soaked = await soak(size.soakRequests, size.soakSample, size.soakMax);
	const afterWarmUp = soaked.samples.filter(
		(sample) => sample.seconds > Math.max(60, soaked.warmUpSeconds * 3),
	);
	const steady = afterWarmUp.length > 0 ? afterWarmUp : soaked.samples;
	const firstRss = steady[0]?.rssBytes ?? 0;
	const maxRss = Math.max(...steady.map((sample) => sample.rssBytes));
	const timers = soaked.samples.map((sample) => sample.resources['Timeout'] ?? 0);
	const fds = soaked.samples.map((sample) => sample.fds);
	figures.push(
		{
			id: '7a',
			what: `Soak: RSS growth after warm-up (${soaked.requests} requests in ${Math.round(soaked.seconds)} s)`,
			value: firstRss > 0 ? ((maxRss - firstRss) / firstRss) * 100 : Number.NaN,
			unit: '%',
			target: 10,
		},
		{
			id: '7b',
			what: 'Soak: live timers, first → last sample',
			value: timers.at(-1) ?? Number.NaN,
			unit: 'timers',
			note: `${timers[0]} → ${timers.at(-1)} (max ${Math.max(...timers)})`,
		},
		{
			id: '7c',
			what: 'Soak: open file descriptors, first → last sample',
			value: fds.at(-1) ?? Number.NaN,
			unit: 'fds',
			note: `${fds[0]} → ${fds.at(-1)} (max ${Math.max(...fds)})`,
		},
	);
	notes.push(
		`7: RSS (MB) every ${size.soakSample} s: ${soaked.samples.map((sample) => (sample.rssBytes / MB).toFixed(0)).join(' ')}. ` +
			`Heap used (MB): ${soaked.samples.map((sample) => (sample.heapUsedBytes / MB).toFixed(0)).join(' ')}.`,
	);
}

if (wanted('8')) {
	log('8/8 screen truth (a long random walk through @xterm/headless)');
	const walk = await screenTruth(size.walkSteps);
	figures.push(
		{
			id: '8a',
			what: `Screen truth: steps whose screen differed from a fresh paint, of ${walk.steps} (seed ${walk.seed})`,
			value: walk.failedSteps,
			unit: 'steps',
			target: 0,
			...(walk.failure ? {note: walk.failure} : {}),
		},
		{
			id: '8b',
			what: 'Screen truth: cells compared, text and attributes',
			value: walk.checkedCells / 1e6,
			unit: 'M cells',
		},
	);
	notes.push(
		`8: ${walk.steps} steps (keys of every mode, batches changing, failing and recovering, resizes down to the too-small screen) in ${(walk.ms / 1000).toFixed(0)} s; BATCHTOP_WALK_SEED=${walk.seed} repeats the walk.`,
	);
}

const report = renderReport({
	figures,
	notes,
	machine: machineDescription(),
	quick,
	minutes: (Date.now() - started) / 60_000,
});
const path = quick
	? join(tmpdir(), 'BENCHMARKS.quick.md')
	: join(import.meta.dirname, '..', '..', 'BENCHMARKS.md');
const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
writeFileSync(path, only ? mergeSections(previous, figures, notes) : withAnalysis(report, previous));
process.stdout.write(report);
log(`wrote ${path}`);
process.exit(0);
