/**
 * `npm run bench [-- --quick] [-- --large N]`: measures goldthread's speed and memory as ratios
 * taken in one run (so the machine's noise falls on both sides), prints a table with each target
 * and writes bench/results.json (bench/results-quick.json with --quick). See bench/README.md for what the figures mean and what limits them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parallelCeiling, type RenderingCeiling, renderingCeiling } from './calibrate.js';
import { measureChromium } from './chromium.js';
import { makeCorpus, readSamples } from './corpus.js';
import { type Figure, formatTable } from './figures.js';
import { measureInProcess } from './in-process.js';
import {
  type BatchPeak,
  ensureBuilt,
  measureColdStart,
  measureLargeBatch,
  measureSpeedup,
  ROOT,
  writeCorpusFolder,
} from './processes.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, large: { type: 'string' }, keep: { type: 'boolean' } },
});
const quick = values.quick === true;
const large = Number(values.large ?? (quick ? 0 : 10_000));
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const SCALE_RECORDS = 1000;
const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));

await ensureBuilt(log);
const samples = await readSamples();
const corpus = makeCorpus(samples, quick ? 14 : 35);
const figures: Figure[] = [];

log(`bench: in-process figures over ${corpus.length} records${quick ? ' (quick)' : ''}`);
figures.push(...(await measureInProcess(corpus, quick ? 1 : 3, quick ? 500 : 3000)));

const chromiumRecords = quick ? corpus.slice(0, 5) : corpus;
log(`bench: PDF vs a warm headless Chromium printing the HTML, ${chromiumRecords.length} records`);
figures.push(await measureChromium(chromiumRecords, quick ? 1 : 3));

const work = await mkdtemp(path.join(os.tmpdir(), 'goldthread-bench-'));
let ceiling = Number.NaN;
let rendering: RenderingCeiling | undefined;
try {
  const batchRecords = quick ? 16 : 120;
  await writeCorpusFolder(path.join(work, 'corpus'), makeCorpus(samples, batchRecords));
  log('bench: how much parallelism the machine offers now (a CPU loop on 1 and 2 threads)');
  ceiling = await parallelCeiling(quick ? 60_000_000 : 150_000_000);
  log(`bench: the same with rendering (warm batch-worker threads, ${corpus.length} records each)`);
  rendering = await renderingCeiling(corpus, quick ? 1 : 2);
  figures.push({
    name: 'rendering ceiling, 1 -> 2 threads, warm',
    value: rendering.ratio,
    unit: 'x',
    display: `${rendering.ratio.toFixed(2)}x`,
    target: '(reported)',
    met: null,
    note:
      `what two warmed-up batch workers render at once over one, start-up left out: ` +
      `${rendering.oneMsPerDoc.toFixed(0)} ms/doc alone, ${rendering.twoMsPerDoc.toFixed(0)} ms/doc each when two run; ` +
      `a CPU loop gets ${ceiling.toFixed(2)}x. A batch, start-up included, can only do worse (noise apart)`,
  });
  const ceilings = { loop: ceiling, rendering: rendering.ratio };
  log(`bench: batch of ${batchRecords} PDFs with 1 and 2 jobs`);
  const speedup = await measureSpeedup(work, batchRecords, quick ? 1 : 2, ceilings);
  figures.push(speedup.figure);
  // The 1,000-record batch's peak, for the large batch to be compared with.
  let scale: BatchPeak | undefined;
  if (!quick) {
    // The same comparison where start-up weighs less: each worker's imports, set-up and JIT
    // warm-up cost about as much as 25 documents (bench/README.md).
    const dir = path.join(work, 'scale');
    await writeCorpusFolder(path.join(dir, 'corpus'), makeCorpus(samples, SCALE_RECORDS));
    log(`bench: batch of ${SCALE_RECORDS} PDFs with 1 and 2 jobs`);
    const measured = await measureSpeedup(dir, SCALE_RECORDS, 1, ceilings);
    figures.push(measured.figure);
    scale = { records: SCALE_RECORDS, peakMb: measured.peakMb };
  }

  if (large > 0) {
    const dir = path.join(work, 'large');
    await writeCorpusFolder(path.join(dir, 'corpus'), makeCorpus(samples, large));
    log(`bench: large batch of ${large} PDFs (2 jobs); this takes a while`);
    figures.push(await measureLargeBatch(dir, large, scale));
  } else {
    figures.push({
      name: `peak memory, ${batchRecords}-record batch`,
      value: speedup.peakMb,
      unit: 'MB',
      display: `${speedup.peakMb.toFixed(0)} MB`,
      target: '< 400 MB',
      met: speedup.peakMb < 400,
      note: 'quick run: PSS of the 2-job batch above, every process together (the full run measures 10,000 records)',
    });
  }

  log('bench: cold start of goldthread render');
  for (const format of ['pdf', 'docx'] as const) figures.push(await measureColdStart(work, format, quick ? 2 : 5));
} finally {
  if (values.keep !== true) await rm(work, { recursive: true, force: true });
}

const table = formatTable(figures);
process.stdout.write(`${table}\n`);
const cpus = os.cpus();
const mix: Record<string, number> = {};
for (const record of corpus) mix[record.size] = (mix[record.size] ?? 0) + 1;
const results = {
  generatedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  seconds: Math.round((performance.now() - started) / 1000),
  machine: {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'unknown',
    node: process.version,
    parallelCeiling: Number(ceiling.toFixed(2)),
    renderingCeiling: rendering ? Number(rendering.ratio.toFixed(2)) : null,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  },
  corpus: {
    records: corpus.length,
    sizes: {
      short: 'one goal, two sessions',
      typical: 'a sample as written',
      long: 'five times the sessions, as a plan review',
    },
    mix,
  },
  figures,
};
// A smoke run must not overwrite the full run's figures.
const resultsFile = quick ? 'results-quick.json' : 'results.json';
await writeFile(path.join(ROOT, 'bench', resultsFile), `${JSON.stringify(results, null, 2)}\n`);
log(`bench: wrote bench/${resultsFile} in ${results.seconds} s`);
