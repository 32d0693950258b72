/**
 * A recording fake of the part of the Excel JavaScript API that ITCost uses. Like Excel, it
 * queues calls on proxy objects and carries them out at context.sync(), in order; loaded
 * properties can only be read after a sync. It records every call and counts syncs, and it can
 * fail a chosen sync part-way through its batch, as a real failure would.
 *
 * A worksheet proxy stands for one sheet object, as in Excel: one from worksheets.add() is the
 * sheet that add created (whatever it is called by then), one from getItem(key) the sheet that
 * has that name or id when the batch runs. Deleted sheet objects are recorded, so a test can
 * tell which sheet a clean-up removed. Someone else (another add-in, the user) can add a sheet
 * between two syncs, and a sync can be held until the test resumes it.
 *
 * Self-contained (no imports) so the browser tests can inject it into the task pane as a host.
 */

export interface FakeCell {
  formula: string | number;
  numberFormat: string;
  /** A formula cell's value: this fake does not evaluate formulas, so a test sets what Excel would calculate. */
  value?: string | number;
}

export interface FakeSheet {
  /** Excel's sheet id, which stays the same when the sheet is renamed. */
  readonly id: string;
  name: string;
  cells: Map<string, FakeCell>;
  names: Array<{ name: string; address: string; comment?: string }>;
  charts: Array<{ type: string; source: string; seriesBy: string; title?: string; position?: [string, string] }>;
  frozenRows: number;
  columnWidths: Map<string, number>;
  /** Data validation as set on each range, in the order set. */
  validations: Array<{ range: string; rule?: unknown; errorAlert?: unknown }>;
  /** Conditional formats, highest priority first: Excel puts each one added at the top. */
  conditionalFormats: FakeConditionalFormat[];
  /** Merged ranges, each with its wrap, vertical alignment and row height as set. */
  merges: Array<{ range: string; wrapText?: boolean; verticalAlignment?: string; rowHeight?: number }>;
  /** The page layout as set: orientation, zoom and print area. */
  pageLayout: { orientation?: string; zoom?: unknown; printArea?: string; leftMargin?: number; rightMargin?: number };
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  formula?: string;
  fillColor?: string;
  fontColor?: string;
  numberFormat?: string;
}

export interface FakeExcelOptions {
  /** Existing sheets, by name, with cells given as A1 → value. */
  readonly sheets?: Record<string, Record<string, string | number>>;
  /**
   * Fail this sync (1-based), or each of these: the first half of its batch is carried out and
   * the next call fails, so nothing from that call on takes effect.
   */
  readonly failAtSync?: number | readonly number[];
  /** Someone else adds this sheet just before the given sync (1-based) carries out its batch. */
  readonly sheetAppears?: { readonly beforeSync: number; readonly name: string; readonly cells?: Record<string, string | number> };
  /** Hold this sync (1-based) until resume() is called: a write that is still running. */
  readonly pauseAtSync?: number;
  /**
   * What insertWorksheetsFromBase64 does when a sheet of the file's sheet name exists: fail
   * (the default), or insert it under the next free name, "Name (2)", as Excel does for copies.
   */
  readonly insertedNameClash?: 'fail' | 'rename';
  /** The sheet an inserted file (insertWorksheetsFromBase64) holds, by name, with its cells. */
  readonly fileSheets?: Record<string, Record<string, string | number>>;
  /** The active sheet's name, and the selected range on it. */
  readonly activeSheet?: string;
  readonly selection?: string;
  /** The workbook's culture (application.cultureInfo.name); without it the fake has no cultureInfo, as hosts before ExcelApi 1.11. */
  readonly culture?: string;
}

/** Whether load(what) loads a property: as in office.js, load() loads them all, load('a,b') only those named. */
function loadsProperty(what: string | undefined, property: string): boolean {
  return what === undefined || what.split(',').map((name) => name.trim()).includes(property);
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

/** What Range.values reads: constants as themselves, a formula as the value a test set for it (else ""), an empty cell as "". */
function readValues(sheet: FakeSheet | undefined, address: string): unknown[][] {
  const [from, to = from] = address.replace(/^.*!/, '').split(':');
  const start = topLeft(from);
  const end = topLeft(to);
  const values: unknown[][] = [];
  for (let r = start.row; r <= end.row; r += 1) {
    const row: unknown[] = [];
    for (let c = start.column; c <= end.column; c += 1) {
      const cell = sheet?.cells.get(`${columnName(c)}${r + 1}`);
      const isFormula = typeof cell?.formula === 'string' && cell.formula.startsWith('=');
      row.push(cell === undefined ? '' : isFormula ? (cell.value ?? '') : cell.formula);
    }
    values.push(row);
  }
  return values;
}

/** An A1 address ("Sheet!B5", "B5:C7") with its rows from `row` (zero-based) on moved down by `count`. */
function shiftRows(address: string, row: number, count: number): string {
  const sheet = /^.*!/.exec(address)?.[0] ?? '';
  return sheet + address.slice(sheet.length).replace(/(\$?[A-Z]+\$?)(\d+)/g, (whole, column: string, digits: string) => (Number(digits) - 1 >= row ? `${column}${Number(digits) + count}` : whole));
}

/** How a worksheet proxy finds its sheet when a queued call runs, and how it is named in the log. */
interface SheetHandle {
  readonly resolve: () => FakeSheet | undefined;
  readonly label: () => string;
}

export function createFakeExcel(options: FakeExcelOptions = {}) {
  const sheets: FakeSheet[] = [];
  const deleted: FakeSheet[] = [];
  const log: string[] = [];
  let syncCount = 0;
  let nextId = 1;
  let resumePaused: (() => void) | undefined;
  let resumeRequested = false;
  const failing = new Set<number>(options.failAtSync === undefined ? [] : typeof options.failAtSync === 'number' ? [options.failAtSync] : options.failAtSync);
  const selection = options.selection ?? 'A1';
  const newSheet = (name: string, cells: Record<string, string | number> = {}): FakeSheet => {
    const sheet: FakeSheet = { id: `{sheet-${nextId++}}`, name, cells: new Map(), names: [], charts: [], frozenRows: 0, columnWidths: new Map(), validations: [], conditionalFormats: [], merges: [], pageLayout: {} };
    for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { formula: value, numberFormat: 'General' });
    return sheet;
  };
  for (const [name, cells] of Object.entries(options.sheets ?? {})) sheets.push(newSheet(name, cells));
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const findByKey = (key: string) => sheets.find((s) => s.id === key) ?? find(key);
  let active: FakeSheet | undefined = options.activeSheet === undefined ? undefined : find(options.activeSheet);
  const activeSheet = () => (active && sheets.includes(active) ? active : sheets[0]);
  /** Excel's own choice of name for a sheet added without one: the first free "SheetN". */
  const defaultName = () => {
    let n = 1;
    while (find(`Sheet${n}`)) n += 1;
    return `Sheet${n}`;
  };
  const byName = (name: string): SheetHandle => ({ resolve: () => find(name), label: () => name });

  function makeContext() {
    let queue: Array<() => void> = [];
    const afterSync: Array<() => void> = [];
    const enqueue = (description: string, action: () => void) => {
      log.push(description);
      queue.push(action);
    };
    const sheetOf = (handle: SheetHandle) => {
      const sheet = handle.resolve();
      if (!sheet) throw new Error(`ItemNotFound: ${handle.label()}`);
      return sheet;
    };

    function formatProxy(handle: SheetHandle, address: string) {
      const record = (what: string) => (value: unknown) => enqueue(`format ${handle.label()}!${address} ${what}=${JSON.stringify(value)}`, () => undefined);
      const setters = (what: string, keys: string[]) => {
        const target: Record<string, unknown> = {};
        for (const key of keys) Object.defineProperty(target, key, { set: record(`${what}${key}`) });
        return target;
      };
      const format: Record<string, unknown> = {
        font: setters('font.', ['bold', 'italic', 'size', 'color', 'name']),
        fill: setters('fill.', ['color']),
      };
      // Wrap, alignment and height are recorded on the merge of the same range (text blocks are merged first).
      const onMerge = (key: 'wrapText' | 'verticalAlignment' | 'rowHeight') => (value: never) =>
        enqueue(`format ${handle.label()}!${address} ${key}=${JSON.stringify(value)}`, () => {
          const merge = sheetOf(handle).merges.find((m) => m.range === address);
          if (!merge) throw new Error(`InvalidOperation: the test's fake only formats merged ranges with ${key}`);
          merge[key] = value;
        });
      for (const key of ['wrapText', 'verticalAlignment', 'rowHeight'] as const) Object.defineProperty(format, key, { set: onMerge(key) });
      Object.defineProperty(format, 'columnWidth', {
        set: (width: number) =>
          enqueue(`columnWidth ${handle.label()}!${address}=${width}`, () => sheetOf(handle).columnWidths.set(address.split(':')[0], width)),
      });
      return format;
    }

    function rangeProxy(handle: SheetHandle, address: string) {
      const range: Record<string, unknown> = { address: `${handle.label()}!${address}`, format: formatProxy(handle, address) };
      let values: unknown[][] | undefined;
      range.load = (what?: string) => {
        log.push(`load ${handle.label()}!${address}.${what}`);
        if (loadsProperty(what, 'values')) afterSync.push(() => (values = readValues(handle.resolve(), address)));
      };
      Object.defineProperty(range, 'values', {
        get: () => {
          if (!values) throw new Error('PropertyNotLoaded: values was read before load() and sync()');
          return values;
        },
      });
      const writeGrid = (property: 'formula' | 'numberFormat') => (grid: unknown[][]) =>
        enqueue(`set ${property === 'formula' ? 'formulas' : 'numberFormat'} ${handle.label()}!${address} (${grid.length}×${grid[0]?.length ?? 0})`, () => {
          const sheet = sheetOf(handle);
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
      range.merge = (across?: boolean) =>
        enqueue(`merge ${handle.label()}!${address}${across ? ' across' : ''}`, () => sheetOf(handle).merges.push({ range: address }));
      const dataValidation = {};
      for (const key of ['rule', 'errorAlert'] as const) {
        Object.defineProperty(dataValidation, key, {
          set: (value: unknown) =>
            enqueue(`dataValidation.${key} ${handle.label()}!${address} ${JSON.stringify(value)}`, () => {
              const validations = sheetOf(handle).validations;
              const existing = validations.find((v) => v.range === address);
              if (existing) existing[key] = value;
              else validations.push({ range: address, [key]: value });
            }),
        });
      }
      range.dataValidation = dataValidation;
      range.conditionalFormats = {
        add: (type: string) => {
          const added: FakeConditionalFormat = { range: address, type };
          enqueue(`conditionalFormats.add ${type} ${handle.label()}!${address}`, () => sheetOf(handle).conditionalFormats.unshift(added));
          const recordOnto = (what: string, key: 'formula' | 'fillColor' | 'fontColor' | 'numberFormat') => (value: string) =>
            enqueue(`conditionalFormat ${handle.label()}!${address} ${what}=${JSON.stringify(value)}`, () => (added[key] = value));
          const rule = Object.defineProperty({}, 'formula', { set: recordOnto('formula', 'formula') });
          const fill = Object.defineProperty({}, 'color', { set: recordOnto('fill.color', 'fillColor') });
          const font = Object.defineProperty({}, 'color', { set: recordOnto('font.color', 'fontColor') });
          const format = Object.defineProperty({ fill, font }, 'numberFormat', { set: recordOnto('numberFormat', 'numberFormat') });
          return { custom: { rule, format } };
        },
      };
      Object.defineProperty(range, 'numberFormat', { set: writeGrid('numberFormat') });
      return range;
    }

    /** A worksheet proxy; `name` and `id` can be read once loaded and synced, and `name` can be set (a rename). */
    function worksheetProxy(handle: SheetHandle, rename: (name: string) => void = () => undefined) {
      let loaded: { id?: string; name?: string } | undefined;
      const proxy = {
        load: (what?: string) => {
          log.push(`load ${handle.label()}.${what}`);
          afterSync.push(() => {
            const sheet = handle.resolve();
            loaded = sheet && {
              ...loaded,
              ...(loadsProperty(what, 'id') ? { id: sheet.id } : {}),
              ...(loadsProperty(what, 'name') ? { name: sheet.name } : {}),
            };
          });
        },
        getRange: (address: string) => rangeProxy(handle, address),
        getCell: (row: number, column: number) => rangeProxy(handle, `${columnName(column)}${row + 1}`),
        names: {
          add: (nameToAdd: string, reference: { address: string }, comment?: string) =>
            enqueue(`names.add ${nameToAdd}=${reference.address}`, () => sheetOf(handle).names.push({ name: nameToAdd, address: reference.address, comment })),
          /**
           * A sheet-scoped name; getRangeOrNullObject() is the range it refers to when the batch runs, or a null object.
           * As in Excel, the name's own isNullObject needs no load(), only a sync.
           */
          getItemOrNullObject: (nameToFind: string) => {
            let nameSynced = false;
            let nameIsNull = true;
            afterSync.push(() => {
              nameIsNull = handle.resolve()?.names.find((n) => n.name.toLowerCase() === nameToFind.toLowerCase()) === undefined;
              nameSynced = true;
            });
            return {
              get isNullObject() {
                if (!nameSynced) throw new Error(`isNullObject of name ${nameToFind} was read before context.sync()`);
                return nameIsNull;
              },
              getRangeOrNullObject: () => {
                let found: { values?: unknown[][] } | undefined;
                let synced = false;
                const loaded = <T>(read: () => T) => {
                  if (!synced) throw new Error(`PropertyNotLoaded: the range of name ${nameToFind} was read before load() and sync()`);
                  return read();
                };
                return {
                  load: (what?: string) => {
                    log.push(`load name ${handle.label()}!${nameToFind}.${what}`);
                    afterSync.push(() => {
                      const sheet = handle.resolve();
                      const name = sheet?.names.find((n) => n.name.toLowerCase() === nameToFind.toLowerCase());
                      found = name && (loadsProperty(what, 'values') ? { values: readValues(sheet, name.address) } : {});
                      synced = true;
                    });
                  },
                  get isNullObject() {
                    return loaded(() => found === undefined);
                  },
                  get values() {
                    return loaded(() => {
                      if (!found) throw new Error(`InvalidObjectPath: name ${nameToFind} does not exist`);
                      if (!found.values) throw new Error(`PropertyNotLoaded: values of the range of name ${nameToFind} was not loaded`);
                      return found.values;
                    });
                  },
                };
              },
            };
          },
        },
        pageLayout: (() => {
          const layout: Record<string, unknown> = {
            setPrintArea: (area: string) => enqueue(`pageLayout.setPrintArea ${handle.label()} ${area}`, () => (sheetOf(handle).pageLayout.printArea = area)),
          };
          for (const key of ['orientation', 'zoom', 'leftMargin', 'rightMargin'] as const) {
            Object.defineProperty(layout, key, {
              set: (value: never) => enqueue(`pageLayout.${key} ${handle.label()} ${JSON.stringify(value)}`, () => (sheetOf(handle).pageLayout[key] = value)),
            });
          }
          return layout;
        })(),
        freezePanes: {
          freezeRows: (count: number) => enqueue(`freezeRows ${handle.label()} ${count}`, () => (sheetOf(handle).frozenRows = count)),
        },
        charts: {
          add: (type: string, source: { address: string }, seriesBy: string) => {
            const chart: FakeSheet['charts'][number] = { type, source: source.address, seriesBy };
            enqueue(`charts.add ${type} ${source.address} ${seriesBy}`, () => sheetOf(handle).charts.push(chart));
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
        activate: () => enqueue(`activate ${handle.label()}`, () => (active = sheetOf(handle))),
        delete: () =>
          enqueue(`delete ${handle.label()}`, () => {
            const sheet = sheetOf(handle);
            sheets.splice(sheets.indexOf(sheet), 1);
            deleted.push(sheet);
          }),
      };
      const loadedValue = (key: 'id' | 'name') => {
        const value = loaded?.[key];
        if (value === undefined) throw new Error(`PropertyNotLoaded: ${key} was read before load() and sync()`);
        return value;
      };
      Object.defineProperty(proxy, 'id', { get: () => loadedValue('id'), enumerable: true });
      Object.defineProperty(proxy, 'name', { get: () => loadedValue('name'), set: rename, enumerable: true });
      return proxy as typeof proxy & { readonly id: string; name: string };
    }

    const context = {
      workbook: {
        insertWorksheetsFromBase64: (base64: string, insertOptions: unknown) => {
          const ids: string[] = [];
          let synced = false;
          enqueue(`insertWorksheetsFromBase64 (${base64.length} chars) ${JSON.stringify(insertOptions)}`, () => {
            for (const [name, cells] of Object.entries(options.fileSheets ?? {})) {
              let free = name;
              for (let n = 2; find(free); n += 1) {
                if (options.insertedNameClash !== 'rename') throw new Error(`ItemAlreadyExists: ${name}`);
                free = `${name} (${n})`;
              }
              const sheet = newSheet(free, cells);
              sheets.push(sheet);
              ids.push(sheet.id);
            }
          });
          afterSync.push(() => (synced = true));
          return {
            get value() {
              if (!synced) throw new Error('PropertyNotLoaded: the inserted sheets\' ids were read before sync()');
              return ids;
            },
          };
        },
        getSelectedRange: () => rangeProxy(byName(activeSheet()?.name ?? ''), selection),
        worksheets: {
          getItemOrNullObject: (name: string) => {
            // As in Excel, isNullObject needs no load(), only a sync: it is known from the next sync on.
            let synced = false;
            let isNull = true;
            const proxy = worksheetProxy(byName(name));
            afterSync.push(() => {
              isNull = find(name) === undefined;
              synced = true;
            });
            proxy.load = (what?: string) => {
              log.push(`load ${name}.${what}`);
            };
            Object.defineProperty(proxy, 'isNullObject', {
              get: () => {
                if (!synced) throw new Error('isNullObject was read before context.sync()');
                return isNull;
              },
            });
            return proxy;
          },
          /** By name or by id, as Excel's getItem(key) does. */
          getItem: (key: string) => worksheetProxy({ resolve: () => findByKey(key), label: () => findByKey(key)?.name ?? key }),
          getActiveWorksheet: () => worksheetProxy(byName(activeSheet()?.name ?? '')),
          add: (name?: string) => {
            // The proxy stands for the sheet this call creates, and for no other, whatever its name.
            let created: FakeSheet | undefined;
            let pendingName = name;
            const handle: SheetHandle = { resolve: () => created, label: () => pendingName ?? created?.name ?? '(new sheet)' };
            enqueue(`worksheets.add${name === undefined ? '' : ` ${name}`}`, () => {
              if (name !== undefined && find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
              created = newSheet(name ?? defaultName());
              sheets.push(created);
            });
            return worksheetProxy(handle, (newName) => {
              const from = handle.label();
              pendingName = newName;
              enqueue(`rename ${from} -> ${newName}`, () => {
                const sheet = sheetOf(handle);
                const other = find(newName);
                if (other && other !== sheet) throw new Error(`ItemAlreadyExists: ${newName}`);
                sheet.name = newName;
              });
            });
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => enqueue('suspendApiCalculationUntilNextSync', () => undefined),
        ...(options.culture === undefined
          ? {}
          : { cultureInfo: { name: options.culture, load: (what?: string) => log.push(`load cultureInfo ${what ?? ''}`.trim()) } }),
      },
      sync: async () => {
        syncCount += 1;
        const current = syncCount;
        log.push(`sync ${current}`);
        if (options.pauseAtSync === current && !resumeRequested) await new Promise<void>((resolve) => (resumePaused = resolve));
        const appearing = options.sheetAppears;
        if (appearing?.beforeSync === current) {
          log.push(`someone else adds ${appearing.name}`);
          sheets.push(newSheet(appearing.name, appearing.cells));
        }
        const batch = queue;
        queue = [];
        const pending = afterSync.splice(0);
        if (failing.has(current)) {
          batch.slice(0, Math.floor(batch.length / 2)).forEach((action) => action());
          throw new Error(`Injected failure at sync ${current}`);
        }
        // A call that fails stops the batch there, as in Excel; the calls before it took effect.
        batch.forEach((action) => action());
        pending.forEach((resolve) => resolve());
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
    /** The sheet objects deleted, in order. */
    deleted,
    log,
    get syncCount() {
      return syncCount;
    },
    get activeSheet() {
      return activeSheet()?.name;
    },
    /**
     * The user inserts `count` rows above row `row` (1-based) of a sheet, between runs: cells move
     * down, and defined names follow the cells they refer to, as in Excel.
     */
    insertRows(sheetName: string, row: number, count = 1) {
      const sheet = find(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const moved = [...sheet.cells.entries()].map(([address, cell]) => [shiftRows(address, row - 1, count), cell] as const);
      sheet.cells = new Map(moved);
      for (const name of sheet.names) name.address = shiftRows(name.address, row - 1, count);
    },
    /** Lets a sync held by pauseAtSync go on (or, called early, keeps it from being held). */
    resume() {
      resumeRequested = true;
      resumePaused?.();
    },
  };
}
