// BENCHMARKS.md: the table of figures against targets, then the notes the numbers need.

export interface Figure {
	readonly id: string;
	readonly what: string;
	readonly value: number;
	readonly unit: string;
	/** Met when value <= target. */
	readonly target?: number;
	readonly runs?: readonly number[];
	readonly worst?: number;
	readonly note?: string;
}

export interface ReportInput {
	readonly figures: readonly Figure[];
	readonly notes: readonly string[];
	readonly machine: string;
	readonly quick: boolean;
	readonly minutes: number;
}

function format(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (Math.abs(value) >= 100) return value.toFixed(0);
	if (Math.abs(value) >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

/** The figures table in Markdown. */
export function renderReport({figures, notes, machine, quick, minutes}: ReportInput): string {
	const rows = figures.map((figure) => {
		const verdict = figure.target === undefined ? '' : figure.value <= figure.target ? 'met' : '**missed**';
		const runs =
			figure.runs && figure.runs.length > 1 && figure.runs.length <= 10
				? ` (runs: ${figure.runs.map(format).join(', ')})`
				: '';
		const extra = figure.worst === undefined ? '' : `, worst ${format(figure.worst)}`;
		return `| ${figure.id} | ${figure.what} | ${format(figure.value)} ${figure.unit}${runs}${extra}${figure.note ? ` — ${figure.note}` : ''} | ${figure.target === undefined ? '' : `<= ${format(figure.target)} ${figure.unit}`} | ${verdict} |`;
	});
	return [
		'# Benchmarks',
		'',
		quick
			? '_Quick run (CI): every measurement at a tiny size; the figures prove the script runs, not the targets._'
			: `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} in ${minutes.toFixed(0)} minutes. Medians of the runs shown.`,
		'',
		`Machine: ${machine}.`,
		'',
		'| # | measurement | figure | target | |',
		'| - | ----------- | ------ | ------ | - |',
		...rows,
		'',
		'## Notes from this run',
		'',
		...notes.map((note) => `- ${note}`),
		'',
	].join('\n');
}
