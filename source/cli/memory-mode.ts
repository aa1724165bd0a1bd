// Imported first by cli.tsx. A monitor left running for hours should hold about what it needs, not what
// V8's default heap growth allows: watching 1,000 batches polled at 50/s, the heap grew to 130 MB for
// 45 MB of live data (RSS 200 MB). Growing the heap by 30% per major GC instead keeps RSS near 145 MB;
// --optimize-for-size got it to 110 MB but took idle CPU from 0.7% to 1.0% of a core (BENCHMARKS.md).
import {setFlagsFromString} from 'node:v8';

setFlagsFromString('--heap-growing-percent=30');
