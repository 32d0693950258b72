/*
 * Reading a time-entry export into rows of text, with papaparse: commas, semicolons or tabs
 * (detected), quoted fields that hold separators or line breaks, a byte-order mark, blank lines.
 * Each row keeps the line of the file it starts on, so a message can say where a problem is.
 */
import Papa from 'papaparse';

export interface ExportTable {
  /** The header row's cells, trimmed. */
  readonly header: readonly string[];
  /** The data rows, as text, in file order. */
  readonly rows: readonly (readonly string[])[];
  /** The line each data row starts on, counting the file's first line as 1. */
  readonly lines: readonly number[];
  /** The separator found: ',', ';' or '\t'. */
  readonly delimiter: string;
}

/** A file the pane cannot read, and where. */
export interface UnreadableExport {
  readonly line: number;
  readonly reason: string;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** The line `offset` is on in `text`; offsets must not decrease from call to call, so each line break is counted once. */
function lineCounter(text: string) {
  let position = 0;
  let line = 1;
  return (offset: number): number => {
    // A line ends at \n, or at a \r not followed by \n (old Mac files).
    for (; position < offset; position += 1) {
      const code = text.charCodeAt(position);
      if (code === 10 || (code === 13 && text.charCodeAt(position + 1) !== 10)) line += 1;
    }
    return line;
  };
}

/**
 * The rows of an export's text. The first non-blank row is the header. Blank lines (and lines of
 * separators only) are skipped. A quote left open, a file with no header, or one that is not text
 * at all is unreadable, with the line where reading stopped.
 */
export function readExportTable(input: string): ExportTable | UnreadableExport {
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  if (text.includes('\u0000')) return { line: lineCounter(text)(text.indexOf('\u0000')), reason: 'this is not a text file (it holds binary data); export the time entries as CSV' };
  const lineAt = lineCounter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let start = 0;
  let unreadable: UnreadableExport | undefined;
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // The row starts after the line breaks, and the lines papaparse skipped as empty (blank, or separators only), that follow the last one.
      while (start < text.length && /[\r\n,;\t ]/.test(text[start])) start += 1;
      const line = lineAt(start);
      start = result.meta.cursor;
      // Only a quote never closed stops reading; a stray quote inside a field ("Printer" offline) is kept as text.
      const quoteProblem = result.errors.find((error) => error.code === 'MissingQuotes');
      if (quoteProblem) {
        unreadable = { line, reason: 'a quoted field is never closed (a " without its partner)' };
        parser.abort();
        return;
      }
      rows.push(result.data.map((cell) => cell.trim()));
      lines.push(line);
    },
  });
  if (unreadable) return unreadable;
  if (rows.length === 0) return { line: 1, reason: 'the file is empty' };
  const [header, ...data] = rows;
  if (header.filter((cell) => cell !== '').length < 2) {
    return { line: lines[0], reason: 'the first row is not a header of at least two columns (a date and the time worked)' };
  }
  return { header, rows: data, lines: lines.slice(1), delimiter: parsed.meta.delimiter };
}

