/**
 * The root of a continuous function on a bracket [low, high] where f(low) < 0 ≤ f(high), to full
 * double precision. Regula falsi with the Illinois modification (the end that keeps its place has
 * its value halved, so both ends move), safeguarded by a bisection step whenever the bracket fails
 * to halve twice in a row. Typically 10 to 20 evaluations where plain bisection needs 60 or more.
 * Returns the upper end of the final bracket: a point where f ≥ 0.
 */
export function bracketedRoot(f: (x: number) => number, low: number, high: number): number {
  let a = low;
  let b = high;
  let fa = f(a);
  let fb = f(b);
  if (!(fa < 0)) return a;
  let kept: 'a' | 'b' | undefined;
  let slowSteps = 0;
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const width = b - a;
    if (!(width > 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b)))) break;
    const secant = (a * fb - b * fa) / (fb - fa);
    const c = slowSteps < 2 && secant > a && secant < b ? secant : a + width / 2;
    if (!(c > a && c < b)) break; // the bracket is as narrow as doubles allow
    const fc = f(c);
    if (fc === 0) return c;
    if (fc > 0) {
      b = c;
      fb = fc;
      if (kept === 'a') fa /= 2;
      kept = 'a';
    } else {
      a = c;
      fa = fc;
      if (kept === 'b') fb /= 2;
      kept = 'b';
    }
    slowSteps = b - a > width / 2 ? slowSteps + 1 : 0;
  }
  return b;
}
