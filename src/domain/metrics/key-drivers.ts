import { EigenvalueDecomposition, inverse, Matrix } from 'ml-matrix';
import { checkConfidence, checkCount, DEFAULT_CONFIDENCE, twoSidedTP } from './quantiles';

/**
 * What the SQL layer hands over for key drivers, over the responses that answered all of them:
 * n, Σxᵢ and Σxᵢxⱼ, variable 0 being the outcome (the overall grade) and 1…k the predictors (phase or
 * statement scores).
 */
export interface CrossProductMoments {
  n: number;
  sums: readonly number[];
  crossProducts: readonly (readonly number[])[];
}

/** Pearson correlation matrix from the moments (same order: the outcome first). */
export function correlationsFromMoments({ n, sums, crossProducts }: CrossProductMoments): number[][] {
  checkCount('n', n);
  if (n < 2) throw new RangeError('correlations need n ≥ 2');
  const size = sums.length;
  if (crossProducts.length !== size || crossProducts.some((row) => row.length !== size)) {
    throw new RangeError('crossProducts must be a square matrix as long as sums');
  }
  const covariance = (i: number, j: number) => crossProducts[i]![j]! - (sums[i]! * sums[j]!) / n;
  const spread = sums.map((_, i) => Math.sqrt(covariance(i, i)));
  return sums.map((_, i) =>
    sums.map((__, j) => {
      if (i === j) return 1;
      if (!(spread[i]! > 0 && spread[j]! > 0))
        throw new RangeError(`variable ${i === 0 ? j : i} does not vary`);
      return covariance(i, j) / (spread[i]! * spread[j]!);
    }),
  );
}

export interface KeyDriver {
  /** position among the predictors, 0-based (variable `index + 1` of the input) */
  index: number;
  /** Johnson's ε: the part of R² this predictor carries; the raw weights sum to R² */
  rawWeight: number;
  /** rawWeight ÷ R², 0…1 */
  rescaledWeight: number;
  correlation: number;
  /** two-sided p-value of the correlation with the outcome (t on n − 2 df): decides `significant` */
  pValue: number;
  significant: boolean;
  /** standardised regression coefficient in the full model, and the p-value of its t-test (n − k − 1 df) */
  beta: number;
  uniquePValue: number;
}

export interface KeyDrivers {
  n: number;
  rSquared: number;
  confidence: number;
  drivers: KeyDriver[];
}

/**
 * Relative weights (Johnson 2000, "A heuristic method for estimating the relative weight of predictor
 * variables in multiple regression"): with Rxx = VΔV', Λ = VΔ^½V' relates the predictors to their
 * closest orthogonal counterparts Z; β = Λ⁻¹ rxy regresses y on Z, and εⱼ = Σₖ λⱼₖ² βₖ².
 *
 * A bootstrap of the weights (Tonidandel, LeBreton & Johnson 2009) needs the rows; from aggregates a
 * driver is called significant when its correlation with the outcome is (two-sided, α = 1 − confidence).
 * See docs/METRICS.md for why that test and not the coefficient's.
 */
export function relativeWeights(
  input: { n: number; correlations: readonly (readonly number[])[] },
  options: { confidence?: number } = {},
): KeyDrivers {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const { n, correlations } = input;
  const k = correlations.length - 1;
  checkCount('n', n);
  if (k < 1) throw new RangeError('key drivers need an outcome and at least one predictor');
  if (n < k + 2) throw new RangeError(`key drivers on ${k} predictors need n ≥ ${k + 2}`);
  const all = new Matrix(correlations.map((row) => [...row]));
  const rxx = all.subMatrix(1, k, 1, k);
  const rxy = all.subMatrix(1, k, 0, 0);

  const eigen = new EigenvalueDecomposition(rxx, { assumeSymmetric: true });
  const values = eigen.realEigenvalues;
  if (values.some((value) => !(value > 1e-10))) {
    throw new RangeError('the predictors are (nearly) collinear: their correlation matrix is singular');
  }
  const vectors = eigen.eigenvectorMatrix;
  const lambda = vectors.mmul(Matrix.diag(values.map(Math.sqrt))).mmul(vectors.transpose());
  const lambdaInverse = vectors
    .mmul(Matrix.diag(values.map((value) => 1 / Math.sqrt(value))))
    .mmul(vectors.transpose());
  const betaZ = lambdaInverse.mmul(rxy).getColumn(0);
  const rSquared = betaZ.reduce((total, b) => total + b * b, 0);

  const rxxInverse = inverse(rxx);
  const beta = rxxInverse.mmul(rxy).getColumn(0);
  const residualDf = n - k - 1;
  const drivers = beta.map((b, j): KeyDriver => {
    const rawWeight = betaZ.reduce((total, bz, m) => total + lambda.get(j, m) ** 2 * bz * bz, 0);
    const correlation = rxy.get(j, 0);
    const correlationT = (correlation * Math.sqrt(n - 2)) / Math.sqrt(Math.max(1e-300, 1 - correlation ** 2));
    const betaSe = Math.sqrt((Math.max(0, 1 - rSquared) / residualDf) * rxxInverse.get(j, j));
    const pValue = twoSidedTP(correlationT, n - 2);
    return {
      index: j,
      rawWeight,
      rescaledWeight: rSquared > 0 ? rawWeight / rSquared : 0,
      correlation,
      pValue,
      significant: pValue < 1 - confidence,
      beta: b,
      uniquePValue: betaSe > 0 ? twoSidedTP(b / betaSe, residualDf) : 0,
    };
  });
  return { n, rSquared, confidence, drivers };
}
