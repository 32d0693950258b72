/**
 * A recording fake of the part of the Excel JavaScript API that ITCost uses. Like Excel, it
 * queues calls on proxy objects and carries them out at context.sync(), in order; loaded
 * properties can only be read after a sync. It records every call and counts syncs, and it can
 * fail a chosen sync part-way through its batch, as a real failure would.
 *
 * Self-contained (no imports) so the browser tests can inject it into the task pane as a host.
 */

export interface FakeCell {
  formula: string | number;
  numberFormat: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  names: Array<{ name: string; address: string; comment?: string }>;
  charts: Array<{ type: string; source: string; seriesBy: string; title?: string; position?: [string, string] }>;
  frozenRows: number;
  columnWidths: Map<string, number>;
}

export interface FakeExcelOptions {
  /** Existing sheets, by name, with cells given as A1 → value. */
  readonly sheets?: Record<string, Record<string, string | number>>;
  /** Fail this sync (1-based) after carrying out the first half of its batch. */
  readonly failAtSync?: number;
  /** The sheet an inserted file (insertWorksheetsFromBase64) holds, by name, with its cells. */
  readonly fileSheets?: Record<string, Record<string, string | number>>;
  /** The active sheet's name, and the selected range on it. */
  readonly activeSheet?: string;
  readonly selection?: string;
}

function columnNumber(letters: string): number {
  return letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
/** Top-left zero-based row and column of an A1 cell or range ("B4", "A1:E60", "$B$4"). */
function topLeft(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(address.replace(/^.*!/, ''));
  if (!match) throw new Error(`fake Excel cannot parse ${address}`);
  return { row: Number(match[2]) - 1, column: columnNumber(match[1]) };
}

export function createFakeExcel(options: FakeExcelOptions = {}) {
  const sheets: FakeSheet[] = [];
  const log: string[] = [];
  let syncCount = 0;
  let activeSheet: string | undefined = options.activeSheet;
  const selection = options.selection ?? 'A1';
  const newSheet = (name: string): FakeSheet => ({ name, cells: new Map(), names: [], charts: [], frozenRows: 0, columnWidths: new Map() });
  for (const [name, cells] of Object.entries(options.sheets ?? {})) {
    const sheet = newSheet(name);
    for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { formula: value, numberFormat: 'General' });
    sheets.push(sheet);
  }
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

  function makeContext() {
    let queue: Array<() => void> = [];
    const afterSync: Array<() => void> = [];
    const enqueue = (description: string, action: () => void) => {
      log.push(description);
      queue.push(action);
    };

    function formatProxy(sheetName: string, address: string) {
      const record = (what: string) => (value: unknown) => enqueue(`format ${sheetName}!${address} ${what}=${JSON.stringify(value)}`, () => undefined);
      const setters = (what: string, keys: string[]) => {
        const target: Record<string, unknown> = {};
        for (const key of keys) Object.defineProperty(target, key, { set: record(`${what}${key}`) });
        return target;
      };
      const format: Record<string, unknown> = {
        font: setters('font.', ['bold', 'italic', 'size', 'color']),
        fill: setters('fill.', ['color']),
      };
      Object.defineProperty(format, 'columnWidth', {
        set: (width: number) =>
          enqueue(`columnWidth ${sheetName}!${address}=${width}`, () => find(sheetName)?.columnWidths.set(address.split(':')[0], width)),
      });
      return format;
    }

    function rangeProxy(sheetName: string, address: string) {
      const range: Record<string, unknown> = { address: `${sheetName}!${address}`, format: formatProxy(sheetName, address) };
      let values: unknown[][] | undefined;
      range.load = (what: string) => {
        log.push(`load ${sheetName}!${address}.${what}`);
        afterSync.push(() => {
          const sheet = find(sheetName);
          const [from, to = from] = address.split(':');
          const start = topLeft(from);
          const end = topLeft(to);
          values = [];
          for (let r = start.row; r <= end.row; r += 1) {
            const row: unknown[] = [];
            for (let c = start.column; c <= end.column; c += 1) {
              const cell = sheet?.cells.get(`${columnName(c)}${r + 1}`);
              // Constants read back as themselves; this fake does not evaluate formulas.
              row.push(cell === undefined || (typeof cell.formula === 'string' && cell.formula.startsWith('=')) ? '' : cell.formula);
            }
            values.push(row);
          }
        });
      };
      Object.defineProperty(range, 'values', {
        get: () => {
          if (!values) throw new Error('PropertyNotLoaded: values was read before load() and sync()');
          return values;
        },
      });
      const writeGrid = (property: 'formula' | 'numberFormat') => (grid: unknown[][]) =>
        enqueue(`set ${property === 'formula' ? 'formulas' : 'numberFormat'} ${sheetName}!${address} (${grid.length}×${grid[0]?.length ?? 0})`, () => {
          const sheet = find(sheetName);
          if (!sheet) throw new Error(`ItemNotFound: ${sheetName}`);
          const origin = topLeft(address);
          grid.forEach((row, r) =>
            row.forEach((value, c) => {
              const key = `${columnName(origin.column + c)}${origin.row + r + 1}`;
              const cell = sheet.cells.get(key) ?? { formula: '', numberFormat: 'General' };
              if (property === 'formula') cell.formula = value as string | number;
              else cell.numberFormat = value as string;
              sheet.cells.set(key, cell);
            }),
          );
        });
      Object.defineProperty(range, 'formulas', { set: writeGrid('formula') });
      const dataValidation = {};
      for (const key of ['rule', 'errorAlert']) {
        Object.defineProperty(dataValidation, key, { set: (value: unknown) => enqueue(`dataValidation.${key} ${sheetName}!${address} ${JSON.stringify(value)}`, () => undefined) });
      }
      range.dataValidation = dataValidation;
      range.conditionalFormats = {
        add: (type: string) => {
          enqueue(`conditionalFormats.add ${type} ${sheetName}!${address}`, () => undefined);
          const recordOnly = (what: string) => (value: unknown) => enqueue(`conditionalFormat ${sheetName}!${address} ${what}=${JSON.stringify(value)}`, () => undefined);
          const rule = Object.defineProperty({}, 'formula', { set: recordOnly('formula') });
          const fill = Object.defineProperty({}, 'color', { set: recordOnly('fill.color') });
          const font = Object.defineProperty({}, 'color', { set: recordOnly('font.color') });
          return { custom: { rule, format: { fill, font } } };
        },
      };
      Object.defineProperty(range, 'numberFormat', { set: writeGrid('numberFormat') });
      return range;
    }

    function worksheetProxy(name: string) {
      return {
        name,
        load: (what: string) => log.push(`load ${name}.${what}`),
        getRange: (address: string) => rangeProxy(name, address),
        getCell: (row: number, column: number) => rangeProxy(name, `${columnName(column)}${row + 1}`),
        names: {
          add: (nameToAdd: string, reference: { address: string }, comment?: string) =>
            enqueue(`names.add ${nameToAdd}=${reference.address}`, () => find(name)?.names.push({ name: nameToAdd, address: reference.address, comment })),
        },
        freezePanes: {
          freezeRows: (count: number) => enqueue(`freezeRows ${name} ${count}`, () => {
            const sheet = find(name);
            if (sheet) sheet.frozenRows = count;
          }),
        },
        charts: {
          add: (type: string, source: { address: string }, seriesBy: string) => {
            const chart: FakeSheet['charts'][number] = { type, source: source.address, seriesBy };
            enqueue(`charts.add ${type} ${source.address} ${seriesBy}`, () => find(name)?.charts.push(chart));
            const titled = (what: string, apply: (text: string) => void) => {
              const target = {};
              Object.defineProperty(target, 'text', { set: (text: string) => enqueue(`${what}=${text}`, () => apply(text)) });
              return target;
            };
            return {
              title: titled('chart.title', (text) => (chart.title = text)),
              axes: { categoryAxis: { title: titled('chart.xAxis.title', () => undefined) }, valueAxis: { title: titled('chart.yAxis.title', () => undefined) } },
              legend: Object.defineProperty({}, 'position', { set: (p: string) => enqueue(`chart.legend=${p}`, () => undefined) }),
              setPosition: (from: string, to: string) => enqueue(`chart.setPosition ${from}:${to}`, () => (chart.position = [from, to])),
            };
          },
        },
        activate: () => enqueue(`activate ${name}`, () => (activeSheet = name)),
        delete: () => enqueue(`delete ${name}`, () => {
          const index = sheets.findIndex((s) => s.name === name);
          if (index < 0) throw new Error(`ItemNotFound: ${name}`);
          sheets.splice(index, 1);
        }),
      };
    }

    const context = {
      workbook: {
        insertWorksheetsFromBase64: (base64: string, insertOptions: unknown) => {
          enqueue(`insertWorksheetsFromBase64 (${base64.length} chars) ${JSON.stringify(insertOptions)}`, () => {
            for (const [name, cells] of Object.entries(options.fileSheets ?? {})) {
              if (find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
              const sheet = newSheet(name);
              for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { formula: value, numberFormat: 'General' });
              sheets.push(sheet);
            }
          });
        },
        getSelectedRange: () => rangeProxy(activeSheet ?? sheets[0]?.name ?? '', selection),
        worksheets: {
          getItemOrNullObject: (name: string) => {
            let loaded = false;
            let isNull = true;
            const proxy = {
              ...worksheetProxy(name),
              load: (what: string) => {
                log.push(`load ${name}.${what}`);
                afterSync.push(() => {
                  isNull = find(name) === undefined;
                  loaded = true;
                });
              },
            };
            Object.defineProperty(proxy, 'isNullObject', {
              get: () => {
                if (!loaded) throw new Error('PropertyNotLoaded: isNullObject was read before load() and sync()');
                return isNull;
              },
            });
            return proxy;
          },
          getItem: (name: string) => worksheetProxy(name),
          getActiveWorksheet: () => worksheetProxy(activeSheet ?? sheets[0]?.name ?? ''),
          add: (name: string) => {
            enqueue(`worksheets.add ${name}`, () => {
              if (find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
              sheets.push(newSheet(name));
            });
            return worksheetProxy(name);
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => enqueue('suspendApiCalculationUntilNextSync', () => undefined),
      },
      sync: async () => {
        syncCount += 1;
        log.push(`sync ${syncCount}`);
        const batch = queue;
        queue = [];
        if (options.failAtSync === syncCount) {
          batch.slice(0, Math.ceil(batch.length / 2)).forEach((action) => action());
          afterSync.length = 0;
          throw new Error(`Injected failure at sync ${syncCount}`);
        }
        batch.forEach((action) => action());
        afterSync.splice(0).forEach((resolve) => resolve());
      },
    };
    return context;
  }

  const Excel = {
    run: async <T>(batch: (context: ReturnType<typeof makeContext>) => Promise<T>): Promise<T> => batch(makeContext()),
  };
  return {
    Excel,
    sheets,
    log,
    get syncCount() {
      return syncCount;
    },
    get activeSheet() {
      return activeSheet;
    },
  };
}
