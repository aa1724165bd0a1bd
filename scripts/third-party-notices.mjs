// The licence notices of every package whose code is inside the bundle, from esbuild's metafile.
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** The package directory (node_modules/NAME or node_modules/@scope/NAME, innermost) of a bundled file. */
function packageDirectory(input) {
	const parts = input.split('/');
	const at = parts.lastIndexOf('node_modules');
	if (at === -1) return undefined;
	const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
	return [...parts.slice(0, at + 1), ...name].join('/');
}

async function licenceText(directory) {
	const files = (await readdir(directory)).filter((file) => /^(licen[cs]e|copying|notice)/i.test(file));
	const texts = await Promise.all(files.sort().map((file) => readFile(join(directory, file), 'utf8')));
	return texts.join('\n\n').trim();
}

/** Markdown with one section per bundled package: name, version, licence, and its licence file. */
export async function thirdPartyNotices(metafile) {
	const directories = new Set();
	for (const input of Object.keys(metafile.inputs)) {
		const directory = packageDirectory(input);
		if (directory) directories.add(directory);
	}
	const packages = [];
	for (const directory of directories) {
		const manifest = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8'));
		packages.push({
			name: manifest.name,
			version: manifest.version,
			license: typeof manifest.license === 'string' ? manifest.license : 'see below',
			text: await licenceText(directory),
		});
	}
	// One section per name and version, however many copies node_modules holds.
	const unique = [...new Map(packages.map((entry) => [`${entry.name}@${entry.version}`, entry])).values()];
	unique.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
	// Forty AWS SDK packages ship the same Apache-2.0 text: each distinct text once, with its packages.
	const byText = new Map();
	for (const entry of unique) {
		const key = entry.text || `(${entry.license})`;
		byText.set(key, [...(byText.get(key) ?? []), entry]);
	}
	const sections = [...byText.entries()].map(([text, entries]) => {
		const names = entries.map((entry) => `- ${entry.name} ${entry.version} (${entry.license})`).join('\n');
		const body = text.startsWith('(')
			? `Licensed under ${entries[0].license}; the package ships no licence file.`
			: `\`\`\`\n${text}\n\`\`\``;
		return `## ${entries[0].name}${entries.length > 1 ? ` and ${entries.length - 1} more` : ''}\n\n${names}\n\n${body}`;
	});
	return `# Third-party notices\n\nbatchtop's bundle (dist/) contains code from these ${unique.length} packages.\n\n${sections.join('\n\n')}\n`;
}
