/**
 * Present value of one unit of money spread evenly over `termMonths` monthly payments in
 * arrears, discounted at a nominal annual rate compounded monthly:
 * factor = (1 − (1 + i)^−n) / (i · n), with i = annualRate / 12 and n = termMonths.
 * This is Excel's `PV(annualRate/12, n, -1/n)`. With no discounting the factor is 1.
 *
 * @example
 * monthlyArrearsFactor(12, 0.12)
 * //=> 0.9379 (approximately) — 1,200 paid as 100 a month is worth 1,125.51 today
 */
export function monthlyArrearsFactor(termMonths: number, annualRate: number): number {
  const monthlyRate = annualRate / 12;
  if (monthlyRate === 0) return 1;
  // −expm1(−n·log1p(i)) = 1 − (1 + i)^−n without cancellation when i is tiny.
  return -Math.expm1(-termMonths * Math.log1p(monthlyRate)) / (monthlyRate * termMonths);
}
