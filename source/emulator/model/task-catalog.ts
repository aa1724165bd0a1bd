import type {TaskTemplate} from '../scenario/task-catalog-schema.js';

export type {TaskTemplate};

/** What a task catalogue is: the tasks every run of a scenario executes, in order. */
export type TaskCatalog = readonly TaskTemplate[];

// A germline short-variant pipeline (reads QC, alignment, GATK best practices), sized like real
// HealthOmics tasks: omics.c = 2 GiB per vCPU, omics.m = 4 GiB, omics.r = 8 GiB. The failure catalogue
// names bwa_mem and haplotype_caller, so a run failing there has that task as its failed one.
export const DEFAULT_TASK_CATALOG: TaskCatalog = [
	{
		name: 'fastp',
		cpus: 4,
		memory: 8,
		instanceType: 'omics.c.xlarge',
		weight: 1,
		image: 'quay.io/biocontainers/fastp:0.23.4',
	},
	{
		name: 'bwa_mem',
		cpus: 16,
		memory: 32,
		instanceType: 'omics.c.4xlarge',
		weight: 5,
		image: 'quay.io/biocontainers/bwa:0.7.17',
	},
	{
		name: 'samtools_sort',
		cpus: 8,
		memory: 16,
		instanceType: 'omics.c.2xlarge',
		weight: 1.5,
		image: 'quay.io/biocontainers/samtools:1.19',
	},
	{
		name: 'mark_duplicates',
		cpus: 4,
		memory: 32,
		instanceType: 'omics.r.xlarge',
		weight: 2,
		image: 'broadinstitute/gatk:4.5.0.0',
	},
	{
		name: 'base_recalibrator',
		cpus: 4,
		memory: 16,
		instanceType: 'omics.m.xlarge',
		weight: 1.5,
		image: 'broadinstitute/gatk:4.5.0.0',
	},
	{
		name: 'apply_bqsr',
		cpus: 4,
		memory: 16,
		instanceType: 'omics.m.xlarge',
		weight: 1.5,
		image: 'broadinstitute/gatk:4.5.0.0',
	},
	{
		name: 'haplotype_caller',
		cpus: 8,
		memory: 32,
		instanceType: 'omics.m.2xlarge',
		weight: 4,
		image: 'broadinstitute/gatk:4.5.0.0',
	},
	{
		name: 'genotype_gvcfs',
		cpus: 4,
		memory: 16,
		instanceType: 'omics.m.xlarge',
		weight: 1,
		image: 'broadinstitute/gatk:4.5.0.0',
	},
];

/** The smallest HealthOmics instance type that fits a task's CPUs and memory (GiB). */
export function instanceTypeFor(cpus: number, memory: number): string {
	const perCpu = memory / cpus;
	const family = perCpu <= 2 ? 'c' : perCpu <= 4 ? 'm' : 'r';
	const sizes: Array<[string, number]> = [
		['large', 2],
		['xlarge', 4],
		['2xlarge', 8],
		['4xlarge', 16],
		['8xlarge', 32],
		['12xlarge', 48],
		['16xlarge', 64],
		['24xlarge', 96],
	];
	const size = sizes.find(([, vcpus]) => vcpus >= cpus)?.[0] ?? '48xlarge';
	return `omics.${family}.${size}`;
}
