import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A small pool of worker threads, one task at a time per worker, with a time limit per task. A
 * worker whose task runs past the limit is terminated (V8 stops it even in a tight loop) and
 * replaced by a fresh one, so one hung document costs one worker's start-up, not the batch.
 *
 * The protocol a worker script speaks: it posts `{ type: 'ready' }` once it has loaded what it
 * needs (or `{ type: 'init-failed', detail }`), then answers each task message with
 * `{ type: 'result', value }`, or `{ type: 'error', detail }` when handling it threw.
 */

/** How a task ended. */
export type TaskResult<R> =
  | { readonly kind: 'done'; readonly value: R }
  | { readonly kind: 'timeout' }
  /** The worker died while running it (crash, out of memory, exit). */
  | { readonly kind: 'crashed'; readonly detail: string }
  /** The worker's handler threw: a bug. `detail` is the error's class name. */
  | { readonly kind: 'error'; readonly detail: string };

/** Messages from a worker script. */
export type WorkerMessage<R> =
  | { readonly type: 'ready' }
  /** `data`: structured detail for the pool's owner (e.g. the located issues of a bad profile folder). */
  | { readonly type: 'init-failed'; readonly detail: string; readonly data?: unknown }
  | { readonly type: 'result'; readonly value: R }
  | { readonly type: 'error'; readonly detail: string };

export interface WorkerPoolOptions {
  /** The compiled worker script. */
  readonly script: URL;
  readonly size: number;
  /** Given to every worker at start (workerData). */
  readonly workerData: unknown;
  /** Per-task limit in milliseconds, counted from when the task reaches a ready worker. */
  readonly timeoutMs: number;
  /** Heap limits per worker; a worker that runs out is replaced and its task reported as crashed. */
  readonly resourceLimits?: ResourceLimits;
}

/** A worker could not start (its script failed to load or its set-up threw): the pool cannot run. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
  constructor(
    message: string,
    /** What the worker sent with its failure, if anything. */
    readonly data?: unknown,
  ) {
    super(message);
  }
}

interface Pending<T, R> {
  readonly task: T;
  readonly resolve: (result: TaskResult<R>) => void;
  readonly reject: (error: Error) => void;
}

interface Slot<T, R> {
  readonly worker: Worker;
  ready: boolean;
  /** Set once the pool has given up on this worker; later events from it are ignored. */
  retired: boolean;
  current?: Pending<T, R>;
  timer?: NodeJS.Timeout;
}

/** Runs tasks on worker threads; see the module comment for the protocol. */
export class WorkerPool<T, R> {
  private readonly slots = new Set<Slot<T, R>>();
  private readonly queue: Pending<T, R>[] = [];
  private readonly exiting: Promise<unknown>[] = [];
  private fatal: Error | undefined;
  private closed = false;
  /** Workers started over the pool's life, replacements included. */
  started = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i += 1) this.spawn();
  }

  /** Runs one task; resolves when it ends however it ends. Rejects only if workers cannot start. */
  run(task: T): Promise<TaskResult<R>> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('internal: the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker. Tasks still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('internal: the worker pool closed'));
    for (const slot of this.slots) this.retire(slot);
    await Promise.allSettled(this.exiting);
  }

  private spawn(): void {
    const { script, workerData, resourceLimits } = this.options;
    const worker = new Worker(script, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    const slot: Slot<T, R> = { worker, ready: false, retired: false };
    this.started += 1;
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage<R>) => this.onMessage(slot, message));
    // The code says what happened (ERR_WORKER_OUT_OF_MEMORY); a message could quote a record.
    worker.on('error', (error) => this.onDeath(slot, (error as { code?: string }).code ?? error.name));
    worker.on('exit', (code) => this.onDeath(slot, `exit code ${code}`));
  }

  private onMessage(slot: Slot<T, R>, message: WorkerMessage<R>): void {
    if (slot.retired) return;
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        this.pump();
        return;
      case 'init-failed':
        this.fail(new WorkerStartError(`a batch worker could not start (${message.detail})`, message.data));
        return;
      case 'result':
      case 'error': {
        const pending = slot.current;
        if (!pending) return;
        clearTimeout(slot.timer);
        delete slot.current;
        pending.resolve(
          message.type === 'result'
            ? { kind: 'done', value: message.value }
            : { kind: 'error', detail: message.detail },
        );
        this.pump();
        return;
      }
    }
  }

  private onDeath(slot: Slot<T, R>, detail: string): void {
    if (slot.retired) return;
    const pending = slot.current;
    this.retire(slot);
    if (!slot.ready && !pending) {
      this.fail(new WorkerStartError(`a batch worker could not start (${detail})`));
      return;
    }
    pending?.resolve({ kind: 'crashed', detail });
    this.replace();
  }

  private onTimeout(slot: Slot<T, R>): void {
    const pending = slot.current;
    this.retire(slot);
    pending?.resolve({ kind: 'timeout' });
    this.replace();
  }

  private retire(slot: Slot<T, R>): void {
    if (slot.retired) return;
    slot.retired = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    this.exiting.push(slot.worker.terminate());
  }

  private replace(): void {
    if (!this.closed && !this.fatal) this.spawn();
  }

  private fail(error: Error): void {
    if (this.fatal) return;
    this.fatal = error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const slot of [...this.slots]) {
      slot.current?.reject(error);
      this.retire(slot);
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.current) continue;
      const pending = this.queue.shift() as Pending<T, R>;
      slot.current = pending;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      slot.worker.postMessage(pending.task);
    }
  }
}
