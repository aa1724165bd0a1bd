import {describe, expect, it} from 'vitest';
import {
	BUILTIN_SCENARIOS,
	BUILTIN_SCENARIO_DATA,
	loadScenario,
	parseScenario,
} from '../../../source/emulator/scenario/load-scenario.js';

// loadScenario trusts the built-in scenarios instead of parsing them at every start: this is what keeps
// that trust honest, every built-in valid and exactly what the schema makes of it.
describe('built-in scenarios', () => {
	it.each(BUILTIN_SCENARIOS)('%s passes the scenario schema unchanged', (name) => {
		const data = BUILTIN_SCENARIO_DATA[name];
		// toStrictEqual: a key the schema would strip, or a default it would add, is a difference too.
		expect(parseScenario(structuredClone(data), name)).toStrictEqual(data);
	});

	it.each(BUILTIN_SCENARIOS)('%s loads as its data, a fresh copy each time', async (name) => {
		const first = await loadScenario(name);
		expect(first).toStrictEqual(BUILTIN_SCENARIO_DATA[name]);
		expect(first).not.toBe(BUILTIN_SCENARIO_DATA[name]);
		expect(await loadScenario(name)).not.toBe(first);
	});
});
