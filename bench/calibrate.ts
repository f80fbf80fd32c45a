/**
 * How much parallelism the machine offers right now: the same CPU-bound loop on one thread, then
 * on two at once. On an idle two-core machine two threads take about as long as one (ratio ~2);
 * when other work holds a core, the ratio drops toward 1, and no batch can beat it. The batch
 * speedup is read against this ceiling.
 */
import { Worker } from 'node:worker_threads';

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
