import type { RecordOutcome } from './outcome.js';
import type { BatchProgress } from './run-batch.js';

/** How the batch talks to a person: a counter redrawn in place on a terminal, one line at the end. */

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** `57/120 (47%)  3.1 records/s  ETA 0:20  1 failed`: rate over the whole run so far. */
export function formatProgress(p: BatchProgress): string {
  const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  const eta = rate > 0 ? clock((p.total - p.done) / rate) : '-';
  const problems = p.refused + p.failed;
  const tail = problems > 0 ? `  ${p.failed} failed, ${p.refused} refused` : '';
  return `batch: ${p.done}/${p.total} (${percent}%)  ${rate.toFixed(1)} records/s  ETA ${eta}${tail}`;
}

/** The closing line: what happened to every record and how long it took. */
export function formatSummary(p: BatchProgress, otherShards: number): string {
  const seconds = p.elapsedMs / 1000;
  const shard = otherShards > 0 ? ` (${otherShards} left to other shards)` : '';
  return (
    `batch: ${p.total} record(s)${shard}: ${p.rendered} rendered, ${p.skipped} up to date, ` +
    `${p.refused} refused, ${p.failed} failed in ${seconds.toFixed(1)} s`
  );
}

/** One line for a refused or failed record: its label, ids and codes only. */
export function formatProblem(outcome: RecordOutcome): string | undefined {
  if (outcome.status === 'refused') {
    const rules = [...new Set(outcome.errors.map((e) => e.rule))].join(', ');
    return `${outcome.label}: refused: the audit found ${outcome.errors.length} error(s) (${rules}); fix them or pass --allow-draft`;
  }
  if (outcome.status !== 'failed') return undefined;
  const f = outcome.failure;
  const where = f.line !== undefined ? `${f.file}:${f.line}:${f.column ?? 1}` : (f.file ?? outcome.label);
  const parts = [`${outcome.label}: failed: ${f.code}`, `at ${where}`];
  if (f.path) parts.push(`(${f.path})`);
  if (f.detail) parts.push(`- ${f.detail}`);
  return parts.join(' ');
}

/** Where the display writes (standard error). */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Shows a batch's progress on standard error. On a terminal: a line redrawn in place (at most
 * every 100 ms) with problems printed above it. Elsewhere: nothing while running, the problems
 * only when asked (when there is no report file to hold them), and the summary at the end.
 */
export class ProgressDisplay {
  private lastDraw = 0;
  private latest: BatchProgress | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly listProblems: boolean,
  ) {}

  private get live(): boolean {
    return this.stream.isTTY === true;
  }

  /** A record finished. */
  outcome(outcome: RecordOutcome): void {
    if (!this.live && !this.listProblems) return;
    const line = formatProblem(outcome);
    if (line === undefined) return;
    this.stream.write(this.live ? `\r\x1b[2K${line}\n` : `${line}\n`);
    if (this.live && this.latest) this.stream.write(formatProgress(this.latest));
  }

  /** The counts changed. */
  progress(progress: BatchProgress): void {
    this.latest = progress;
    if (!this.live) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && progress.done < progress.total) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${formatProgress(progress)}`);
  }

  /** The batch is over: clear the counter and print the summary, with `extra` appended. */
  finish(otherShards: number, extra: string, final: BatchProgress): void {
    const clear = this.live ? '\r\x1b[2K' : '';
    this.stream.write(`${clear}${formatSummary(final, otherShards)}${extra}\n`);
  }
}
