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

/** One table row. */
function figureRow(figure: Figure): string {
	const verdict = figure.target === undefined ? '' : figure.value <= figure.target ? 'met' : '**missed**';
	const runs =
		figure.runs && figure.runs.length > 1 && figure.runs.length <= 10
			? ` (runs: ${figure.runs.map(format).join(', ')})`
			: '';
	const extra = figure.worst === undefined ? '' : `, worst ${format(figure.worst)}`;
	const note = figure.note ? ` — ${figure.note}` : '';
	const target = figure.target === undefined ? '' : `<= ${format(figure.target)} ${figure.unit}`;
	return `| ${figure.id} | ${figure.what} | ${format(figure.value)} ${figure.unit}${runs}${extra}${note} | ${target} | ${verdict} |`;
}

/** The figures table in Markdown. */
export function renderReport({figures, notes, machine, quick, minutes}: ReportInput): string {
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
		...figures.map(figureRow),
		'',
		'## Notes from this run',
		'',
		...notes.map((note) => `- ${note}`),
		'',
	].join('\n');
}

/**
 * `--only`: the re-measured figures replace their rows (same id), and their notes (same "N:" prefix),
 * each marked with today's date; everything else stays as the last full run wrote it.
 */
export function mergeSections(
	previous: string,
	figures: readonly Figure[],
	notes: readonly string[],
): string {
	const day = new Date().toISOString().slice(0, 10);
	const sections = new Set(figures.map((figure) => figure.id.charAt(0)));
	const placed = new Set<string>();
	let lastRow = -1;
	let lastNote = -1;
	const lines = previous.split('\n').map((line, index) => {
		const id = /^\| (\d[a-z]) \|/.exec(line)?.[1];
		if (id) lastRow = index;
		const figure = id ? figures.find((candidate) => candidate.id === id) : undefined;
		if (figure) {
			placed.add(figure.id);
			return figureRow({...figure, what: `${figure.what} (re-measured ${day})`});
		}
		const section = /^- (\d): /.exec(line)?.[1];
		if (section) lastNote = index;
		if (section && sections.has(section)) {
			const replacement = notes.find((note) => note.startsWith(`${section}:`));
			if (replacement) placed.add(`note ${section}`);
			return replacement ? `- ${replacement} (re-measured ${day})` : line;
		}
		return line;
	});
	// A section measured for the first time: its rows after the table's last row, its note after the last note.
	const newNotes = notes
		.filter((note) => !placed.has(`note ${note.charAt(0)}`))
		.map((note) => `- ${note} (measured ${day})`);
	if (lastNote !== -1) lines.splice(lastNote + 1, 0, ...newNotes);
	// A figure measured for the first time: after its section's last row, or after the table's last row.
	for (const figure of figures.filter((candidate) => !placed.has(candidate.id))) {
		const row = figureRow({...figure, what: `${figure.what} (measured ${day})`});
		const sectionRow = lines.findLastIndex((line) => line.startsWith(`| ${figure.id.charAt(0)}`));
		const at = sectionRow === -1 ? lastRow : sectionRow;
		if (at !== -1) lines.splice(at + 1, 0, row);
		if (at !== -1 && at < lastRow) lastRow += 1;
	}
	return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** The new figures between the markers, keeping the hand-written analysis around them. */
export function withAnalysis(report: string, previous: string): string {
	const start = previous.indexOf(BEGIN);
	const end = previous.indexOf(END);
	if (start === -1 || end === -1) return `${BEGIN}\n${report}${END}\n`;
	return `${previous.slice(0, start)}${BEGIN}\n${report}${previous.slice(end)}`;
}
