/*
 * What the pane and the import worker say to each other, and the two ends of it. Where the
 * runtime has no workers, the same handler runs on the pane's thread, after a pause that lets the
 * pane show it is reading.
 */
import type { Analysis, AnalysisRequest } from '../import/analyse';
import type { ExportTable, UnreadableExport } from '../import/table';

export interface ImportMessage {
  /** A new file's text; absent when only the choices changed. */
  readonly text?: string;
  /** Or a table already in rows: cells selected in the sheet. */
  readonly table?: ExportTable;
  readonly request: AnalysisRequest;
}

export type ImportReply = { readonly analysis: Analysis } | { readonly unreadable: UnreadableExport };

type Handler = (message: ImportMessage) => ImportReply;

/** The worker's end: answers each message with the handler's reply. */
export function respondTo(handler: Handler): void {
  const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<ImportMessage>) => void) | null; postMessage: (reply: ImportReply) => void };
  scope.onmessage = (event) => scope.postMessage(handler(event.data));
}

/**
 * The pane's end: one worker, started on first use, asked one thing at a time (a reply answers the
 * oldest question). `worker` makes the worker; the pane passes webpack's `new Worker(new URL(…))`.
 */
export function importClient(worker: () => Worker): (message: ImportMessage) => Promise<ImportReply> {
  let started: Worker | undefined;
  let last: Promise<unknown> = Promise.resolve();
  return (message) => {
    const reply = last.then(
      () =>
        new Promise<ImportReply>((resolve, reject) => {
          started ??= worker();
          started.onmessage = (event: MessageEvent<ImportReply>) => resolve(event.data);
          started.onerror = (event) => {
            started = undefined;
            reject(new Error(event.message || 'the import stopped'));
          };
          started.postMessage(message);
        }),
    );
    last = reply.catch(() => undefined);
    return reply;
  };
}
