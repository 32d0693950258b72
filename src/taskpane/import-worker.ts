/*
 * The time-entry import, off the pane's thread: reads the file's text once, keeps the table, and
 * analyses it again each time the user changes a choice. Messages in: { text } then { request };
 * out: an Analysis, or { line, reason } for a file it cannot read. No DOM and no Office here.
 */
import { analyseExport } from '../import/analyse';
import { readExportTable, type ExportTable } from '../import/table';
import { respondTo, type ImportMessage } from './import-protocol';

let table: ExportTable | undefined;

respondTo((message: ImportMessage) => {
  if (message.text !== undefined) {
    const read = readExportTable(message.text);
    if (!('header' in read)) {
      table = undefined;
      return { unreadable: read };
    }
    table = read;
  }
  if (message.table !== undefined) table = message.table;
  if (table === undefined) return { unreadable: { line: 1, reason: 'no file has been read yet' } };
  return { analysis: analyseExport(table, message.request) };
});
