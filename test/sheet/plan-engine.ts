/** Test helpers: a sheet plan in the formula engine, read and written through its defined names. */
import { DetailedCellError } from 'hyperformula';
import type { Outcome } from '../../src/model';
import type { SheetPlan } from '../../src/sheet/plan';
import { loadPlan } from '../../tools/formula-engine';

export function planEngine(plan: SheetPlan) {
  const { hf, sheet } = loadPlan(plan);
  const address = (name: string, offset = 0) => {
    const found = plan.names.find((n) => n.name === name);
    if (!found) throw new Error(`the plan has no name ${name}`);
    return { sheet, row: found.row + offset, col: found.column };
  };
  /** What a named cell holds; for a named row, the cell `offset` columns along. */
  const value = (name: string, offset = 0): unknown => {
    const at = address(name);
    return hf.getCellValue({ ...at, col: at.col + offset });
  };
  return {
    hf,
    sheet,
    value,
    /** The number a named cell holds; an error or text there fails the test with what it holds. */
    number(name: string): number {
      const held = value(name);
      if (typeof held !== 'number') throw new Error(`${name} holds ${held instanceof DetailedCellError ? `${held.value} ${held.message}` : JSON.stringify(held)}`);
      return held;
    },
    /** Writes a value into a named cell, or `offset` rows below it (for a named column). */
    set(name: string, content: number | string | null, offset = 0) {
      hf.setCellContents(address(name, offset), content);
    },
    /** Evaluates a formula (a conditional format's, say) on the plan's sheet. */
    evaluate(formula: string): unknown {
      return hf.calculateFormula(formula, sheet);
    },
    /** Whether the conditional format over a named cell's row holds (false where none covers it). */
    flagged(name: string): unknown {
      const row = (plan.names.find((n) => n.name === name)?.row ?? -1) + 1;
      const format = (plan.conditionalFormats ?? []).find((f) => {
        const [from, to = from] = f.range.split(':').map((a) => Number(a.replace(/\D/g, '')));
        return from <= row && row <= to;
      });
      return format ? hf.calculateFormula(format.formula, sheet) : false;
    },
  };
}

/** |actual − expected| within `tolerance` relative (absolute below 1). */
export function expectClose(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: the sheet shows ${actual}, the model ${expected}`);
  }
}

/** A model result the test needs; a problem fails the test with its message. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}
