/**
 * The figure "PDF vs warm headless Chromium": goldthread's `renderPdf` against one warm headless
 * Chromium printing the HTML rendering of the same composed plans, as HTML-to-PDF services
 * (jsreport, Gotenberg) do. Chromium is driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: we write to its fd 3 and read its fd 4, NUL-terminated JSON each
 * way), so no npm dependency is needed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { loadProfileRegistry } from '../src/payers/registry.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { PDFDocument } from '../src/sign/pdf-lib.js';
import type { CorpusRecord } from './corpus.js';
import type { Figure } from './figures.js';
import { prepare } from './in-process.js';
import { type Footprint, footprint, processTree } from './proc.js';
import { interleaved } from './timing.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-pipe',
];
const COMMAND_TIMEOUT_MS = 60_000;
/** How long Chromium gets to exit after Browser.close before it is killed. */
const GRACE_MS = 3_000;
const SAMPLE_EVERY_MS = 200;

interface Pending {
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * A DevTools protocol connection over Chromium's pipe. Events are ignored: every wait is a command.
 * Its owner calls `fail` when Chromium exits.
 */
class DevToolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private partial: Buffer[] = [];
  private closedBy: Error | undefined;

  constructor(
    private readonly toChromium: Writable,
    fromChromium: Readable,
  ) {
    fromChromium.on('data', (chunk: Buffer) => this.receive(chunk));
    // A write after Chromium died fails with EPIPE; its exit (or the timeout) fails the commands
    // with a better reason than that.
    toChromium.on('error', () => undefined);
  }

  /** Sends one command (to a page when `sessionId` is given) and resolves with its result. */
  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    if (this.closedBy) return Promise.reject(this.closedBy);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.toChromium.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Rejects every pending command and any later one with `error`. */
  fail(error: Error): void {
    this.closedBy ??= error;
    for (const { timer, reject } of this.pending.values()) {
      clearTimeout(timer);
      reject(this.closedBy);
    }
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.partial.push(chunk.subarray(start, end));
      this.dispatch(Buffer.concat(this.partial).toString('utf8'));
      this.partial = [];
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    let message: { id?: number; result?: unknown; error?: { message: string } };
    try {
      message = JSON.parse(text);
    } catch {
      this.fail(new Error('Chromium sent a message that is not JSON'));
      return;
    }
    const pending = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
    else pending.resolve(message.result ?? {});
  }
}

/** A running Chromium: its process, its DevTools pipe and the throwaway profile folder. */
interface Browser {
  readonly child: ChildProcess;
  readonly devtools: DevToolsPipe;
  readonly profileDir: string;
  readonly exited: Promise<void>;
}

async function launchChromium(): Promise<Browser> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'goldthread-bench-chromium-'));
  const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profileDir}`], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const devtools = new DevToolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  // Drained so Chromium never blocks on a full stderr; its last line explains an early exit.
  let lastLine = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = chunk.toString('utf8').trim().split('\n');
    lastLine = lines[lines.length - 1] ?? lastLine;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      devtools.fail(error);
      resolve();
    });
    child.once('exit', (code, signal) => {
      devtools.fail(new Error(`Chromium exited (${signal ?? `code ${code}`})${lastLine ? `: ${lastLine}` : ''}`));
      resolve();
    });
  });
  return { child, devtools, profileDir, exited };
}

/** Browser.close, then a kill of the whole tree after a grace period; removes the profile folder. */
async function closeChromium(browser: Browser): Promise<void> {
  const { child, devtools, profileDir, exited } = browser;
  devtools.send('Browser.close').catch(() => undefined);
  const closed = await Promise.race([exited.then(() => true), delay(GRACE_MS, false)]);
  if (!closed && child.pid !== undefined) {
    // Chromium's helpers are its children; kill them too so none outlives the bench.
    for (const pid of (await processTree(child.pid)).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited;
  }
  await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
}

/** One tab, attached once, that prints an HTML page to PDF per call. */
class PrintTab {
  private constructor(
    private readonly command: <T>(method: string, params?: object) => Promise<T>,
    private readonly frameId: string,
  ) {}

  static async open(devtools: DevToolsPipe): Promise<PrintTab> {
    const { targetId } = await devtools.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await devtools.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const command = <T>(method: string, params: object = {}) => devtools.send<T>(method, params, sessionId);
    await command('Page.enable');
    const { frameTree } = await command<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree');
    return new PrintTab(command, frameTree.frame.id);
  }

  /** The page's PDF, once its fonts are ready (a data: URL would cap the page's size). */
  async print(html: string): Promise<Buffer> {
    await this.command('Page.setDocumentContent', { frameId: this.frameId, html });
    const ready = await this.command<{ exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression: 'document.fonts.ready.then(() => 1)',
      awaitPromise: true,
    });
    if (ready.exceptionDetails) throw new Error(`fonts did not load: ${ready.exceptionDetails.text}`);
    const { data } = await this.command<{ data: string }>('Page.printToPDF', {
      printBackground: true,
      preferCSSPageSize: true,
    });
    const pdf = Buffer.from(data, 'base64');
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('Chromium returned something not a PDF');
    return pdf;
  }
}

/** The peaks (each taken alone) of some processes' footprint while `work` runs, sampled every 200 ms and at the end. */
class PeakMemory {
  peak: Footprint = { rssMb: 0, pssMb: 0, processes: 0 };
  private sampling = false;

  constructor(private readonly pids: () => Promise<readonly number[]>) {}

  async during(work: () => Promise<void>): Promise<void> {
    const timer = setInterval(() => void this.sample(), SAMPLE_EVERY_MS);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    await this.sample();
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const now = await footprint(await this.pids());
      this.peak = {
        rssMb: Math.max(now.rssMb, this.peak.rssMb),
        pssMb: Math.max(now.pssMb, this.peak.pssMb),
        processes: Math.max(now.processes, this.peak.processes),
      };
    } finally {
      this.sampling = false;
    }
  }
}

/** Page count and first page size (points) of a PDF. */
async function pagesOf(pdf: Buffer): Promise<{ count: number; size: string }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const count = doc.getPageCount();
  const first = count > 0 ? doc.getPage(0).getSize() : { width: 0, height: 0 };
  return { count, size: `${Math.round(first.width)}x${Math.round(first.height)}` };
}

const figure = (fields: Pick<Figure, 'value' | 'display' | 'met' | 'note'>): Figure => ({
  name: 'PDF vs warm headless Chromium',
  unit: 'x',
  target: '>= 2x, less memory',
  ...fields,
});

/**
 * goldthread's PDFs per second against a warm headless Chromium printing `renderHtml` of the same
 * trees, interleaved over `rounds`, with the peak memory of each side. "skipped" without
 * /usr/bin/chromium, "failed" (with the reason) when Chromium does not start or answer.
 */
export async function measureChromium(corpus: readonly CorpusRecord[], rounds: number): Promise<Figure> {
  if (!existsSync(CHROMIUM)) {
    return figure({ value: null, display: 'skipped', met: null, note: `no ${CHROMIUM} on this machine` });
  }
  let browser: Browser | undefined;
  try {
    const trees = prepare(corpus, await loadProfileRegistry()).map((item) => item.tree);
    const htmlPages = trees.map(renderHtml);
    browser = await launchChromium();
    const tab = await PrintTab.open(browser.devtools);
    const pid = browser.child.pid as number;
    const chromiumTree = () => processTree(pid);
    const idle = await footprint(await chromiumTree());

    // Every document once each way before timing (Chromium's first warm-up): real PDFs, and pages.
    let ourPages = 0;
    let chromiumPages = 0;
    const sizes = new Set<string>();
    for (const [i, tree] of trees.entries()) {
      const ours = await pagesOf(await renderPdf(tree));
      const theirs = await pagesOf(await tab.print(htmlPages[i] as string));
      if (theirs.count === 0) throw new Error(`Chromium printed no pages for record ${i + 1}`);
      ourPages += ours.count;
      chromiumPages += theirs.count;
      sizes.add(`${ours.size} vs ${theirs.size}`);
    }

    const ourMemory = new PeakMemory(async () => [process.pid]);
    const chromiumMemory = new PeakMemory(chromiumTree);
    const before = await footprint([process.pid]);
    const totals = await interleaved(
      {
        goldthread: () =>
          ourMemory.during(async () => {
            for (const tree of trees) await renderPdf(tree);
          }),
        chromium: () =>
          chromiumMemory.during(async () => {
            for (const html of htmlPages) await tab.print(html);
          }),
      },
      rounds,
    );
    const perSecond = (ms: number) => (rounds * trees.length * 1000) / ms;
    const ours = perSecond(totals.goldthread);
    const theirs = perSecond(totals.chromium);
    const ratio = ours / theirs;
    const mine = ourMemory.peak;
    const chromium = chromiumMemory.peak;
    const mb = (n: number) => n.toFixed(0);
    return figure({
      value: ratio,
      display: `${ratio.toFixed(2)}x`,
      // Chromium's PSS, not its summed RSS, so its shared pages are not counted once per process.
      met: ratio >= 2 && mine.rssMb < chromium.pssMb,
      note:
        `${ours.toFixed(1)} vs ${theirs.toFixed(1)} docs/s, ${trees.length} docs x ${rounds} round${rounds === 1 ? '' : 's'}; ` +
        `peak memory: this whole Node process (bench, corpus, every module) ${mb(mine.rssMb)} MB RSS ` +
        `(${mb(before.rssMb)} MB before its first PDF here) vs Chromium's ${chromium.processes} processes ` +
        `${mb(chromium.rssMb)} MB RSS summed, ${mb(chromium.pssMb)} MB PSS (${mb(idle.pssMb)} MB PSS at start); ` +
        `pages ${ourPages} vs ${chromiumPages}, page size ${[...sizes].join(', ')} pt`,
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return figure({ value: null, display: 'failed', met: null, note: `failed: ${reason}` });
  } finally {
    if (browser) await closeChromium(browser);
  }
}
