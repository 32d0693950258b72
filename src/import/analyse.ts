/*
 * One pass of the import, as the wizard asks for it: a table read once, then analysed again each
 * time the user corrects the mapping, the date order, the billable filter or the billing rules.
 * The pane runs this in a worker (src/taskpane/import-worker.ts) so a large file never blocks it;
 * the worker and the tests call the same functions.
 */
import type { BillingRules } from '../model/billing';
import { detectColumns, type ColumnMapping } from './columns';
import { dateOrderOf, estimateFromEntries, readEntries, type DateOrder, type HistoryEstimate, type RowProblem } from './entries';
import type { ExportTable } from './table';
import type { DayMonthOrder } from './values';

/** Rows the columns are detected from, and shown to the user beside the mapping. */
const SAMPLE_ROWS = 200;
/** Problems listed to the user; the rest are counted. */
const PROBLEMS_SHOWN = 5;

/** What the user chose, or nothing yet: the first analysis detects the mapping and the order. */
export interface AnalysisRequest {
  readonly mapping?: ColumnMapping;
  /** The order the user chose; without it, the dates' own order, else `preferredOrder`. */
  readonly order?: DayMonthOrder;
  readonly preferredOrder: DayMonthOrder;
  readonly excludeNonBillable: boolean;
  readonly rules: BillingRules;
}

export interface Analysis {
  readonly header: readonly string[];
  /** The first rows, for the user to see what each column holds. */
  readonly sample: readonly (readonly string[])[];
  readonly rowCount: number;
  readonly delimiter: string;
  readonly mapping: ColumnMapping;
  /** How the dates were read: the order used, and whether the dates decided it or it was assumed. */
  readonly dateOrder: DateOrder;
  readonly entryCount: number;
  readonly nonBillable: number;
  readonly totals: number;
  readonly problems: readonly RowProblem[];
  readonly problemCount: number;
  readonly estimate: HistoryEstimate | { readonly error: string };
  /** The entries used (after the billable filter): each one's date serial and minutes, for the sheet to record. */
  readonly dates: readonly number[];
  readonly minutes: readonly number[];
}

export function analyseExport(table: ExportTable, request: AnalysisRequest): Analysis {
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const mapping = request.mapping ?? detectColumns(table.header, sample, table.delimiter === ';');
  const found = dateOrderOf(table, mapping.date, request.order ?? request.preferredOrder);
  // A user's choice stands; it is "decided" only when the dates themselves decide it.
  const dateOrder: DateOrder = request.order === undefined || request.order === found.order ? found : { order: request.order, basis: 'assumed' };
  const entries = readEntries(table, { mapping, order: dateOrder.order, excludeNonBillable: request.excludeNonBillable, rules: request.rules });
  return {
    header: table.header,
    sample: sample.slice(0, 3),
    rowCount: table.rows.length,
    delimiter: table.delimiter,
    mapping,
    dateOrder,
    entryCount: entries.dates.length,
    nonBillable: entries.nonBillable,
    totals: entries.totals,
    problems: entries.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: entries.problems.length,
    estimate: estimateFromEntries(entries, request.rules),
    dates: entries.dates,
    minutes: entries.minutes,
  };
}
