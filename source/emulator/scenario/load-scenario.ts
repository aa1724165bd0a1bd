import {readFile} from 'node:fs/promises';
import {ScenarioSchema, type Scenario} from './scenario-schema.js';
import {DOCUMENTED_START_RUN_TPS} from '../model/start-run-quota.js';
import demo from './builtin/demo.json' with {type: 'json'};
import hostile from './builtin/hostile.json' with {type: 'json'};

/** A scenario that cannot be used; the message names the file, the field and the fix. */
export class ScenarioError extends Error {}

export const BUILTIN_SCENARIOS = ['demo', 'empty', 'hostile'] as const;

/**
 * The built-in scenarios are trusted, not parsed: they ship inside batchtop, and a test holds each one
 * equal to what the schema makes of it (test/emulator/scenario/builtin-scenarios.test.ts). Parsing
 * the demo at every `--demo` start cost ~7 ms (zod compiles its parsers on first use). Only scenario
 * files, which come from outside, are validated.
 */
export const BUILTIN_SCENARIO_DATA = {
	demo: demo as Scenario,
	empty: {batches: []} satisfies Scenario,
	hostile: hostile as Scenario,
} as const;

/** Validates parsed JSON as a scenario; `source` names it in errors. */
export function parseScenario(input: unknown, source: string): Scenario {
	const parsed = ScenarioSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const [first, ...rest] = parsed.error.issues;
	const where =
		first && first.path.length > 0
			? first.path
					.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
					.join('')
					.replace(/^\./, '')
			: '(top level)';
	const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
	throw new ScenarioError(
		`scenario ${source}: ${where}: ${first?.message ?? 'invalid'}${more}; see "Scenario files" in README.md`,
	);
}

/** Loads `demo`, `empty`, `hostile` (escape sequences in every text field), or a JSON file path. */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
	if (nameOrPath === 'demo' || nameOrPath === 'empty' || nameOrPath === 'hostile') {
		return structuredClone(BUILTIN_SCENARIO_DATA[nameOrPath]);
	}
	let text: string;
	try {
		text = await readFile(nameOrPath, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EACCES'
					? 'permission denied'
					: code === 'EISDIR'
						? 'it is a directory'
						: String(code ?? error);
		throw new ScenarioError(
			`cannot read scenario file ${nameOrPath}: ${why}; pass --scenario demo, empty, hostile, or a readable JSON file`,
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text) as unknown;
	} catch (error) {
		throw new ScenarioError(`scenario ${nameOrPath} is not valid JSON: ${(error as Error).message}`);
	}
	return parseScenario(json, nameOrPath);
}

/** The StartRun quota a scenario's account has: its `account.startRunTps`, else the documented default. */
export function startRunTpsOf(scenario: Scenario): number {
	return scenario.account?.startRunTps ?? DOCUMENTED_START_RUN_TPS;
}
