import {unitHash} from './seeded-random.js';
import type {TaskPlan} from './run-tasks.js';

// What a task's own log looks like: the output of the tool it runs (fastp, bwa, samtools, GATK),
// or a generic worker for tools the emulator does not know. Deterministic from the task and a seed.

const MAX_LINES = 120;

function count(seed: number, purpose: number, min: number, max: number): number {
	return min + Math.floor(unitHash(seed, purpose) * (max - min + 1));
}

function fastp(seed: number): string[] {
	const reads = count(seed, 1, 20_000_000, 90_000_000);
	const passed = Math.floor(reads * (0.95 + 0.04 * unitHash(seed, 2)));
	const side = (label: string, total: number): string[] => [
		`${label}:`,
		`total reads: ${total}`,
		`total bases: ${total * 150}`,
		`Q20 bases: ${Math.floor(total * 150 * 0.97)}(97.1%)`,
		`Q30 bases: ${Math.floor(total * 150 * 0.92)}(92.3%)`,
	];
	return [
		'Detecting adapter sequence for read1...',
		'>Illumina TruSeq Adapter Read 1',
		'AGATCGGAAGAGCACACGTCTGAACTCCAGTCA',
		...side('Read1 before filtering', reads),
		...side('Read1 after filtering', passed),
		'Filtering result:',
		`reads passed filter: ${passed}`,
		`reads failed due to low quality: ${reads - passed}`,
		`Duplication rate: ${(5 + 10 * unitHash(seed, 3)).toFixed(4)}%`,
		`fastp v0.23.4, time used: ${count(seed, 4, 200, 900)} seconds`,
	];
}

/** fastp's report has the same number of lines whatever the reads. */
const FASTP_LINES = fastp(0).length;

function bwa(plan: TaskPlan, seed: number): string[] {
	const batches = count(seed, 1, 30, MAX_LINES / 2 - 5);
	const lines = [
		'[M::bwa_idx_load_from_disk] read 3171 ALT contigs',
		`[main] CMD: bwa mem -t ${plan.template.cpus} -K 100000000 -Y GRCh38.fa sample_R1.fq.gz sample_R2.fq.gz`,
	];
	for (let batch = 0; batch < batches; batch += 1) {
		const cpu = (300 + 100 * unitHash(seed, 10, batch)).toFixed(3);
		lines.push(`[M::process] read 666668 sequences (100000200 bp)...`);
		lines.push(
			`[M::mem_process_seqs] Processed 666668 reads in ${cpu} CPU sec, ${(Number(cpu) / plan.template.cpus).toFixed(3)} real sec`,
		);
	}
	lines.push('[main] Version: 0.7.17-r1188');
	return lines;
}

function samtools(seed: number): string[] {
	const files = count(seed, 1, 16, 64);
	return [
		`[bam_sort_core] merging from ${files} files and 8 in-memory blocks...`,
		...Array.from(
			{length: count(seed, 2, 5, 20)},
			(_, block) => `[bam_sort_core] wrote block ${block + 1} of ${files}`,
		),
		'[bam_sort_core] done',
	];
}

function gatk(plan: TaskPlan, seed: number): string[] {
	const tool = plan.template.name
		.split('_')
		.map((part) => (part === 'bqsr' ? 'BQSR' : `${part.charAt(0).toUpperCase()}${part.slice(1)}`))
		.join('');
	const steps = count(seed, 1, 20, MAX_LINES - 10);
	const lines = [
		`Using GATK jar /gatk/gatk-package-4.5.0.0-local.jar`,
		`Running: java -Xmx${Math.max(1, plan.template.memory - 4)}g -jar /gatk/gatk-package-4.5.0.0-local.jar ${tool} -R GRCh38.fa -I sample.bam`,
		`INFO  ${tool} - Initializing engine`,
		`INFO  ${tool} - Done initializing engine`,
		'INFO  ProgressMeter - Starting traversal',
		'INFO  ProgressMeter -        Current Locus  Elapsed Minutes     Reads Processed   Reads/Minute',
	];
	for (let step = 1; step <= steps; step += 1) {
		const chromosome = 1 + Math.floor(((step - 1) * 22) / steps);
		const locus = Math.floor(unitHash(seed, 20, step) * 200_000_000);
		lines.push(
			`INFO  ProgressMeter -       chr${chromosome}:${locus}  ${(step * 0.5).toFixed(1)}  ${step * 1_250_000}  ${2_500_000}`,
		);
	}
	lines.push(
		`INFO  ProgressMeter - Traversal complete. Processed ${steps * 1_250_000} total reads in ${(steps * 0.5).toFixed(1)} minutes.`,
	);
	lines.push(`INFO  ${tool} - Shutting down engine`);
	return lines;
}

function generic(plan: TaskPlan, seed: number): string[] {
	const chunks = count(seed, 1, 10, 60);
	return [
		`Starting ${plan.template.name} with ${plan.template.cpus} CPUs and ${plan.template.memory} GiB`,
		...Array.from(
			{length: chunks},
			(_, chunk) => `${plan.template.name}: processed chunk ${chunk + 1}/${chunks}`,
		),
		`${plan.template.name}: done`,
	];
}

/** How many lines toolLines gives for a task, without making them (DescribeLogStreams needs only times). */
export function toolLineCount(plan: TaskPlan, seed: number): number {
	const name = plan.template.name;
	let lines: number;
	if (name === 'fastp') lines = FASTP_LINES;
	else if (name.startsWith('bwa')) lines = 3 + 2 * count(seed, 1, 30, MAX_LINES / 2 - 5);
	else if (name.startsWith('samtools')) lines = 2 + count(seed, 2, 5, 20);
	else if (plan.template.image.includes('gatk')) lines = 8 + count(seed, 1, 20, MAX_LINES - 10);
	else lines = 2 + count(seed, 1, 10, 60);
	return Math.min(lines, MAX_LINES);
}

/** The tool's output lines for a task, without timestamps (at most MAX_LINES). */
export function toolLines(plan: TaskPlan, seed: number): string[] {
	const name = plan.template.name;
	let lines: string[];
	if (name === 'fastp') lines = fastp(seed);
	else if (name.startsWith('bwa')) lines = bwa(plan, seed);
	else if (name.startsWith('samtools')) lines = samtools(seed);
	else if (plan.template.image.includes('gatk')) lines = gatk(plan, seed);
	else lines = generic(plan, seed);
	return lines.slice(0, MAX_LINES);
}
