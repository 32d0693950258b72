/*
 * Which column of an export holds what, found from the headers and checked against the contents,
 * and correctable by the user: the date; the time worked as minutes, hours, or start and end
 * times; and, when present, whether the entry is billable, its work type or priority, and its
 * ticket.
 */
import { billableFlag, dateSerial, durationMinutes, exportNumber, timeOfDay } from './values';

export type ColumnRole = 'date' | 'minutes' | 'hours' | 'start' | 'end' | 'billable' | 'workType' | 'ticket';

/** The column index of each role found; a role not found is absent. */
export type ColumnMapping = Readonly<Partial<Record<ColumnRole, number>>>;

export const ROLE_LABELS: Readonly<Record<ColumnRole, string>> = {
  date: 'Date',
  minutes: 'Minutes worked',
  hours: 'Hours worked',
  start: 'Start time',
  end: 'End time',
  billable: 'Billable or not',
  workType: 'Work type or priority',
  ticket: 'Ticket',
};

/**
 * Header words for each role, strongest first. A header that names a role outright ("Date
 * Worked", "Hours Actual") scores higher than one that only may ("Date Entered", "Hours to Bill":
 * what was billed, not what was worked, so its rounding would count twice).
 */
const HEADER_WORDS: Readonly<Record<ColumnRole, readonly (readonly [RegExp, number])[]>> = {
  date: [
    [/\b(date worked|work date|worked on|spent on|entry date|date of work|time entry date)\b/, 5],
    [/^date$|^day$|\bdate\b/, 3],
    // A timer's start ("Start Time" holding a date and a time) dates its entry when nothing else does.
    [/\b(start|started|begin)\b/, 1],
    [/\b(created|entered|updated|modified|closed|due|invoiced)\b/, -2],
  ],
  minutes: [
    [/\bmin(ute)?s?\b/, 4],
    [/\(min(ute)?s?\)|in minutes/, 5],
    [/\b(minutes worked|worked minutes|actual minutes)\b/, 2],
    [/\b(billed|to bill|billable minutes|invoiced|deduct|offset|estimated|estimate|budget|remaining)\b/, -6],
  ],
  hours: [
    [/\b(hours worked|worked hours|hours actual|actual hours|time spent|time taken|timetaken|time worked)\b/, 5],
    [/\bhours\b/, 3],
    [/\b(hrs|hr|duration|quantity|qty)\b/, 3],
    // What was billed, deducted, offset or estimated is not what was worked.
    [/\b(to bill|billed|billable hours|invoiced|deduct|deducted|offset|estimated|estimate|budget|remaining|adjusted|adjustment)\b/, -4],
    [/\bmin(ute)?s?\b/, -5],
  ],
  start: [[/\b(start|started|begin|began|from|time in)\b/, 4]],
  end: [[/\b(end|ended|stop|stopped|finish|finished|until|time out)\b/, 4]],
  billable: [
    [/\b(billable|non-?billable|chargeable|billing status|billable option|bill)\b/, 4],
    [/\bhours\b/, -3],
  ],
  workType: [[/\b(work type|worktype|type|category|priority|work role|role|charge code|service)\b/, 3]],
  ticket: [[/\b(ticket|case|incident|service request|request|issue|charge to)\b/, 4], [/(^#|\bid\b|\bnumber\b|\bno\.?$)/, 2]],
};

/** How well a column's cells fit a role: the share of its non-blank sample cells that read as that role's values. */
function contentFit(role: ColumnRole, cells: readonly string[], decimalComma: boolean): number {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return 0;
  const fits = (cell: string): boolean => {
    switch (role) {
      case 'date':
        return dateSerial(cell, 'MDY') !== undefined || dateSerial(cell, 'DMY') !== undefined;
      case 'minutes':
        return durationMinutes(cell, 'minutes', decimalComma) !== undefined;
      case 'hours':
        return durationMinutes(cell, 'hours', decimalComma) !== undefined;
      case 'start':
      case 'end':
        return timeOfDay(cell) !== undefined || (/\d:\d\d/.test(cell) && (dateSerial(cell, 'MDY') ?? dateSerial(cell, 'DMY')) !== undefined);
      case 'billable':
        return billableFlag(cell) !== undefined;
      case 'workType':
        return exportNumber(cell, decimalComma) === undefined;
      case 'ticket':
        // Ticket references carry a number: "#4512", "T20250101.0042", "INC-0007".
        return /\d/.test(cell);
    }
  };
  return filled.filter(fits).length / filled.length;
}

/** The roles, in the order they claim columns: the essentials first. */
const ROLE_ORDER: readonly ColumnRole[] = ['date', 'minutes', 'hours', 'start', 'end', 'billable', 'ticket', 'workType'];

/**
 * The mapping found in an export: each role takes the column whose header names it best among
 * those whose sample cells mostly fit it (at least 80% for the date and the time worked, 60% for
 * the rest), and no column serves two roles. Only one measure of time worked is kept: minutes, else
 * hours, else a start and an end.
 */
export function detectColumns(header: readonly string[], sample: readonly (readonly string[])[], decimalComma: boolean): ColumnMapping {
  const taken = new Set<number>();
  const mapping: Partial<Record<ColumnRole, number>> = {};
  for (const role of ROLE_ORDER) {
    let best: { index: number; score: number } | undefined;
    header.forEach((name, index) => {
      if (taken.has(index)) return;
      const words = name.toLowerCase().replace(/[_]+/g, ' ');
      const headerScore = HEADER_WORDS[role].reduce((sum, [pattern, weight]) => sum + (pattern.test(words) ? weight : 0), 0);
      if (headerScore <= 0) return;
      const fit = contentFit(role, sample.map((row) => row[index] ?? ''), decimalComma);
      if (fit < (['date', 'minutes', 'hours', 'start', 'end'].includes(role) ? 0.8 : 0.6)) return;
      const score = headerScore + fit;
      if (!best || score > best.score) best = { index, score };
    });
    if (best) {
      mapping[role] = best.index;
      taken.add(best.index);
    }
  }
  return timeWorkedOnce(mapping);
}

/** Keeps one measure of the time worked: minutes, else hours, else start and end (both or neither). */
export function timeWorkedOnce(mapping: ColumnMapping): ColumnMapping {
  const { minutes, hours, start, end, ...rest } = mapping;
  if (minutes !== undefined) return { ...rest, minutes };
  if (hours !== undefined) return { ...rest, hours };
  if (start !== undefined && end !== undefined) return { ...rest, start, end };
  return rest;
}
