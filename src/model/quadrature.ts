/**
 * Gaussian quadrature rules on [0, 1], for the retainer's month-by-month integration over the
 * carried balance (retainer.ts).
 *
 * A rule with n nodes t_i and weights w_i gives ∫₀¹ t^β·g(t) dt ≈ Σ w_i·g(t_i), exactly when g is
 * a polynomial of degree below 2n. β = 0 is Gauss–Legendre; β = k − 1 takes the factor z^(k−1)
 * of a gamma density at z → 0 into the weights, where the density has a singularity (shape k < 1)
 * or a non-polynomial onset that plain Gauss–Legendre resolves only slowly.
 *
 * The rules come from the three-term recurrence of the Jacobi polynomials with weight
 * (1 − x)^0·(1 + x)^β on [−1, 1], through the eigenvalues of its symmetric tridiagonal Jacobi
 * matrix and the first components of its eigenvectors (Golub & Welsch, "Calculation of Gauss
 * quadrature rules", Math. Comp. 23, 1969; recurrence coefficients from DLMF §18.9.2 in
 * orthonormal form).
 */

export interface QuadratureRule {
  /** Nodes in (0, 1), increasing. */
  readonly nodes: readonly number[];
  /** Weights, summing to 1 / (β + 1). */
  readonly weights: readonly number[];
}

/**
 * The eigenvalues of a symmetric tridiagonal matrix (diagonal `d`, off-diagonal `e` with e[i]
 * between rows i and i + 1) and the first component of each unit eigenvector, by the implicit
 * QL method with Wilkinson shifts. Only the first row of the eigenvector matrix is tracked,
 * which is all Golub–Welsch needs.
 */
function tridiagonalEigen(diagonal: readonly number[], offDiagonal: readonly number[]): { values: number[]; firstComponents: number[] } {
  const n = diagonal.length;
  const d = [...diagonal];
  const e = [...offDiagonal, 0];
  const z: number[] = d.map((_, i) => (i === 0 ? 1 : 0));
  for (let l = 0; l < n; l += 1) {
    for (let iteration = 0; iteration < 60; iteration += 1) {
      // Find a negligible off-diagonal element at or after l.
      let m = l;
      while (m < n - 1 && Math.abs(e[m]) > Number.EPSILON * (Math.abs(d[m]) + Math.abs(d[m + 1]))) m += 1;
      if (m === l) break;
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.sqrt(g * g + 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i -= 1) {
        let f = s * e[i];
        const b = c * e[i];
        r = Math.sqrt(f * f + g * g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = z[i + 1];
        z[i + 1] = s * z[i] + c * f;
        z[i] = c * z[i] - s * f;
      }
      if (r === 0 && i >= l) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return { values: d, firstComponents: z };
}

/**
 * The n-point Gauss rule for ∫₀¹ t^β·g(t) dt, β > −1.
 *
 * @example
 * gaussRule(2, 0).nodes
 * //=> [0.2113248654 (approximately), 0.7886751346 (approximately)] — (3 ∓ √3) / 6
 */
export function gaussRule(n: number, beta: number): QuadratureRule {
  // Orthonormal Jacobi recurrence with α = 0: diagonal a_j and off-diagonal b_j (j = 1…n−1).
  const diagonal: number[] = [];
  const offDiagonal: number[] = [];
  for (let j = 0; j < n; j += 1) {
    const s = 2 * j + beta;
    diagonal.push(j === 0 ? beta / (beta + 2) : (beta * beta) / (s * (s + 2)));
    if (j > 0) offDiagonal.push(Math.sqrt((4 * j * j * (j + beta) * (j + beta)) / (s * s * (s + 1) * (s - 1))));
  }
  const { values, firstComponents } = tridiagonalEigen(diagonal, offDiagonal);
  // x ∈ [−1, 1] → t = (1 + x)/2; the weights of t^β on [0, 1] sum to 1/(β + 1).
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  return {
    nodes: order.map((i) => (1 + values[i]) / 2),
    weights: order.map((i) => (firstComponents[i] * firstComponents[i]) / (beta + 1)),
  };
}
