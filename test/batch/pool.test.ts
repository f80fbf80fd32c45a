import { describe, expect, it } from 'vitest';
import { WorkerPool, WorkerStartError } from '../../src/batch/pool.js';

const script = new URL('./fixtures/task-worker.mjs', import.meta.url);
type Task = { do: 'echo'; value: number } | { do: 'spin' } | { do: 'hog' } | { do: 'exit' } | { do: 'throw' };

describe('WorkerPool', () => {
  it('runs tasks on its workers and returns each result', async () => {
    const pool = new WorkerPool<Task, number>({ script, size: 2, workerData: null, timeoutMs: 10_000 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ do: 'echo', value })));
    await pool.close();
    expect(results).toEqual([1, 2, 3, 4, 5].map((value) => ({ kind: 'done', value })));
    expect(pool.started).toBe(2);
  });

  it('stops a task that never ends, replaces its worker and carries on with the rest', async () => {
    const pool = new WorkerPool<Task, number>({ script, size: 1, workerData: null, timeoutMs: 300 });
    const started = Date.now();
    const results = await Promise.all([
      pool.run({ do: 'echo', value: 1 }),
      pool.run({ do: 'spin' }),
      pool.run({ do: 'echo', value: 2 }),
    ]);
    await pool.close();
    expect(results).toEqual([{ kind: 'done', value: 1 }, { kind: 'timeout' }, { kind: 'done', value: 2 }]);
    expect(pool.started).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a worker that dies mid-task and one whose handler threw, and keeps going', async () => {
    const pool = new WorkerPool<Task, number>({ script, size: 1, workerData: null, timeoutMs: 10_000 });
    const crashed = await pool.run({ do: 'exit' });
    const threw = await pool.run({ do: 'throw' });
    const after = await pool.run({ do: 'echo', value: 7 });
    await pool.close();
    expect(crashed).toEqual({ kind: 'crashed', detail: 'exit code 3' });
    expect(threw).toEqual({ kind: 'error', detail: 'TypeError' });
    expect(after).toEqual({ kind: 'done', value: 7 });
  });

  it('replaces a worker that runs out of its heap, and the pool goes on', async () => {
    const pool = new WorkerPool<Task, number>({
      script,
      size: 1,
      workerData: null,
      timeoutMs: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    const hog = await pool.run({ do: 'hog' });
    const after = await pool.run({ do: 'echo', value: 9 });
    await pool.close();
    expect(hog).toEqual({ kind: 'crashed', detail: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(after).toEqual({ kind: 'done', value: 9 });
  });

  it('rejects every task when workers cannot start, with what the worker sent', async () => {
    const pool = new WorkerPool<Task, number>({ script, size: 2, workerData: 'fail-init', timeoutMs: 10_000 });
    const error = await pool.run({ do: 'echo', value: 1 }).catch((e: unknown) => e);
    await pool.close();
    expect(error).toBeInstanceOf(WorkerStartError);
    expect((error as WorkerStartError).data).toEqual([{ code: 'read-failed' }]);
  });
});
