/**
 * The batch worker thread: loads the profiles, compiles the templates and loads the renderers
 * once, then runs record jobs one at a time for the pool (see pool.ts for the protocol).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplateSet } from '../compose/templates.js';
import { LoadError } from '../errors.js';
import { loadProfileRegistry } from '../payers/registry.js';
import { loadRenderers } from '../pipeline/renderers.js';
import type { WorkerMessage } from './pool.js';
import {
  type BatchSettings,
  type RecordContext,
  type RecordJob,
  type RecordJobResult,
  runRecordJob,
} from './record-job.js';

const port = parentPort;
if (!port) throw new Error('internal: the batch worker runs only as a worker thread');

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);
const post = (message: WorkerMessage<RecordJobResult>) => port.postMessage(message);

const settings = workerData as BatchSettings;
let context: RecordContext | undefined;
try {
  context = {
    settings,
    registry: await loadProfileRegistry(settings.profilesDir !== undefined ? { userDir: settings.profilesDir } : {}),
    templates: loadTemplateSet(),
    renderers: await loadRenderers(settings.formats),
  };
  post({ type: 'ready' });
} catch (error) {
  // A bad --profiles folder is the user's to fix: send its located issues (they name files, not records).
  post({
    type: 'init-failed',
    detail: errorName(error),
    ...(error instanceof LoadError ? { data: error.issues } : {}),
  });
}

port.on('message', async (job: RecordJob) => {
  if (!context) return;
  try {
    post({ type: 'result', value: await runRecordJob(job, context) });
  } catch (error) {
    // Only the class: a message could quote the record.
    post({ type: 'error', detail: errorName(error) });
  }
});
