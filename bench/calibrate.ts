/**
 * How much parallelism the machine offers right now, measured twice: the same CPU-bound loop on
 * one thread, then on two at once (on an idle two-core machine two threads take about as long as
 * one, ratio ~2; when other work holds a core, the ratio drops toward 1), and the same with
 * goldthread's own rendering, which is what a batch is held to. The batch speedup is read
 * against both.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { BATCH_V8_FLAGS } from '../src/cli/relaunch.js';
import { TIERING_V8_FLAG } from '../src/cli/tiering.js';
import type { CorpusRecord } from './corpus.js';
import { AS_OF } from './in-process.js';

const LOOP = `
  const { parentPort, workerData } = require('node:worker_threads');
  let x = 0;
  for (let i = 0; i < workerData; i += 1) x = (x + i * 7) % 1000003;
  parentPort.postMessage(x);
`;

function spin(threads: number, iterations: number): Promise<number> {
  const start = performance.now();
  const runs = Array.from(
    { length: threads },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(LOOP, { eval: true, workerData: iterations });
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
  );
  return Promise.all(runs).then(() => performance.now() - start);
}

/** Throughput with two threads over one, measured in the order 1, 2, 2, 1. */
export async function parallelCeiling(iterations = 150_000_000): Promise<number> {
  let one = 0;
  let two = 0;
  for (const threads of [1, 2, 2, 1]) {
    const ms = await spin(threads, iterations);
    if (threads === 1) one += ms;
    else two += ms;
  }
  // Two threads do twice the work: throughput ratio = 2 * t(1) / t(2).
  return (2 * one) / two;
}

/**
 * The same kind of ceiling, measured with goldthread's own work: warmed-up batch-worker threads
 * (load, audit, compose, render to PDF; nothing written) in one Node started as `goldthread
 * batch` starts it, first one thread, then two at once each doing the same documents. A CPU loop
 * touches a few registers; rendering allocates and walks tens of megabytes, so on a machine whose
 * two cores share caches, memory bandwidth or a physical core, two renderers gain less than two
 * loops. A batch adds each worker's start-up to this, so its speedup can only be lower (noise
 * apart), whatever its size.
 */
export async function renderingCeiling(
  corpus: readonly CorpusRecord[],
  rounds: 1 | 2,
  flags: readonly string[] = [...BATCH_V8_FLAGS, TIERING_V8_FLAG],
): Promise<RenderingCeiling> {
  const dir = await mkdtemp(path.join(tmpdir(), 'goldthread-ceiling-'));
  try {
    const items = path.join(dir, 'corpus.json');
    await writeFile(items, JSON.stringify(corpus.map(({ id, kind, text }) => ({ id, kind, text }))));
    const { stdout } = await run(process.execPath, [...flags, '--input-type=module', '-e', HOST], {
      env: {
        ...process.env,
        CEILING_DIST: DIST,
        CEILING_ITEMS: items,
        CEILING_ORDER: rounds === 2 ? '1,2,2,1' : '1,2',
      },
      maxBuffer: 1 << 20,
    });
    const runs = JSON.parse(stdout) as { threads: number; ms: number }[];
    const mean = (threads: number) => {
      const of = runs.filter((r) => r.threads === threads);
      return of.reduce((sum, r) => sum + r.ms, 0) / of.length;
    };
    const one = mean(1);
    const two = mean(2);
    return { ratio: (2 * one) / two, oneMsPerDoc: one / corpus.length, twoMsPerDoc: two / corpus.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RenderingCeiling {
  /** Documents per second with two threads over one. */
  readonly ratio: number;
  /** Wall time per document for one thread, and for each of two threads working at once. */
  readonly oneMsPerDoc: number;
  readonly twoMsPerDoc: number;
}

const run = promisify(execFile);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

// A batch worker's pipeline, over the same records twice: once to warm up, then timed on a signal.
// (ES module source: workers take the host's --input-type.)
const WORKER = `
  import { readFileSync } from 'node:fs';
  import { parentPort, workerData } from 'node:worker_threads';
  const dist = workerData.dist;
  const { loadProfileRegistry } = await import(dist + 'payers/registry.js');
  const { loadTemplateSet } = await import(dist + 'compose/templates.js');
  const { loadRenderers } = await import(dist + 'pipeline/renderers.js');
  const { loadRecordText } = await import(dist + 'load/record.js');
  const { renderRecord } = await import(dist + 'pipeline/render-record.js');
  const { auditRecord } = await import(dist + 'audit/audit.js');
  const registry = await loadProfileRegistry();
  const templates = loadTemplateSet();
  const renderers = await loadRenderers(['pdf']);
  const items = JSON.parse(readFileSync(workerData.items, 'utf8'));
  const asOf = workerData.asOf;
  const audit = (record, profile) => auditRecord(record, profile, { asOf });
  const renderAll = async () => {
    for (const { id, kind, text } of items) {
      const record = loadRecordText(text, id);
      const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
      await renderRecord(record, { kind, formats: ['pdf'], profile, templates, asOf, allowDraft: true, audit, renderers });
    }
  };
  await renderAll();
  parentPort.postMessage('warm');
  parentPort.once('message', async () => {
    await renderAll();
    parentPort.postMessage('done');
  });
`;

const HOST = `
  import { Worker } from 'node:worker_threads';
  const workerData = { dist: process.env.CEILING_DIST, items: process.env.CEILING_ITEMS, asOf: '${AS_OF}' };
  const next = (worker, message) => new Promise((resolve, reject) => {
    worker.once('message', (m) => (m === message ? resolve() : reject(new Error(m))));
    worker.once('error', reject);
  });
  const runs = [];
  for (const threads of process.env.CEILING_ORDER.split(',').map(Number)) {
    const workers = Array.from({ length: threads }, () => new Worker(${JSON.stringify(WORKER)}, { eval: true, workerData }));
    await Promise.all(workers.map((w) => next(w, 'warm')));
    const start = performance.now();
    const done = workers.map((w) => next(w, 'done'));
    for (const w of workers) w.postMessage('go');
    await Promise.all(done);
    runs.push({ threads, ms: performance.now() - start });
    await Promise.all(workers.map((w) => w.terminate()));
  }
  process.stdout.write(JSON.stringify(runs));
`;
