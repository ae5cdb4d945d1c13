import { describe, expect, it } from 'vitest';
import { correlationsFromMoments, relativeWeights } from './key-drivers';

// R's mtcars (Henderson & Velleman 1981): mpg, cyl, disp, hp, wt of its 32 cars, in R's row order.
const mtcars: Array<[number, number, number, number, number]> = [
  [21.0, 6, 160.0, 110, 2.62],
  [21.0, 6, 160.0, 110, 2.875],
  [22.8, 4, 108.0, 93, 2.32],
  [21.4, 6, 258.0, 110, 3.215],
  [18.7, 8, 360.0, 175, 3.44],
  [18.1, 6, 225.0, 105, 3.46],
  [14.3, 8, 360.0, 245, 3.57],
  [24.4, 4, 146.7, 62, 3.19],
  [22.8, 4, 140.8, 95, 3.15],
  [19.2, 6, 167.6, 123, 3.44],
  [17.8, 6, 167.6, 123, 3.44],
  [16.4, 8, 275.8, 180, 4.07],
  [17.3, 8, 275.8, 180, 3.73],
  [15.2, 8, 275.8, 180, 3.78],
  [10.4, 8, 472.0, 205, 5.25],
  [10.4, 8, 460.0, 215, 5.424],
  [14.7, 8, 440.0, 230, 5.345],
  [32.4, 4, 78.7, 66, 2.2],
  [30.4, 4, 75.7, 52, 1.615],
  [33.9, 4, 71.1, 65, 1.835],
  [21.5, 4, 120.1, 97, 2.465],
  [15.5, 8, 318.0, 150, 3.52],
  [15.2, 8, 304.0, 150, 3.435],
  [13.3, 8, 350.0, 245, 3.84],
  [19.2, 8, 400.0, 175, 3.845],
  [27.3, 4, 79.0, 66, 1.935],
  [26.0, 4, 120.3, 91, 2.14],
  [30.4, 4, 95.1, 113, 1.513],
  [15.8, 8, 351.0, 264, 3.17],
  [19.7, 6, 145.0, 175, 2.77],
  [15.0, 8, 301.0, 335, 3.57],
  [21.4, 4, 121.0, 109, 2.78],
];

/** What the SQL layer would hand over: n, Σxᵢ and Σxᵢxⱼ over the rows. */
function momentsOf(rows: number[][]) {
  const size = rows[0]!.length;
  const indices = [...Array(size).keys()];
  return {
    n: rows.length,
    sums: indices.map((i) => rows.reduce((total, row) => total + row[i]!, 0)),
    crossProducts: indices.map((i) =>
      indices.map((j) => rows.reduce((total, row) => total + row[i]! * row[j]!, 0)),
    ),
  };
}

describe('key drivers by relative weights (Johnson 2000)', () => {
  it('matches the rwa package’s documented example, rwa(mtcars, "mpg", c("cyl", "disp", "hp", "wt"))', () => {
    // rwa vignette "regression methods" (Martin Chan, CRAN package rwa): Raw.RelWeight 0.2096904,
    // 0.1883043, 0.1799590, 0.2706812; Rescaled.RelWeight 24.70914, 22.18908, 21.20570, 31.89607
    const moments = momentsOf(mtcars);
    const correlations = correlationsFromMoments(moments);
    expect(correlations[0]![4]).toBeCloseTo(-0.8676594, 7); // cor(mpg, wt), a famous figure
    const result = relativeWeights({ n: moments.n, correlations });
    const raw = [0.2096904, 0.1883043, 0.179959, 0.2706812];
    const rescaled = [24.70914, 22.18908, 21.2057, 31.89607];
    for (const [j, driver] of result.drivers.entries()) {
      expect(driver.index).toBe(j);
      expect(driver.rawWeight).toBeCloseTo(raw[j]!, 7);
      expect(100 * driver.rescaledWeight).toBeCloseTo(rescaled[j]!, 4);
    }
    // the raw weights add up to the model's R² (0.8486 for lm(mpg ~ cyl + disp + hp + wt))
    expect(result.rSquared).toBeCloseTo(0.8486348, 7);
    expect(result.drivers.reduce((total, driver) => total + driver.rawWeight, 0)).toBeCloseTo(
      result.rSquared,
      12,
    );
  });

  it('tests each driver’s correlation with the outcome, and reports the stricter coefficient test beside it', () => {
    const moments = momentsOf(mtcars);
    const result = relativeWeights({ n: moments.n, correlations: correlationsFromMoments(moments) });
    // every one of the four correlates with mpg at r < −0.77 on 32 cars: all significant
    expect(result.drivers.every((driver) => driver.significant && driver.pValue < 1e-6)).toBe(true);
    // but only wt adds much of its own beyond the other three (collinear) predictors
    expect(result.drivers[3]!.uniquePValue).toBeLessThan(0.01);
    expect(result.drivers[1]!.uniquePValue).toBeGreaterThan(0.05);
  });

  it('calls a driver not significant when its correlation could be noise', () => {
    // y correlates 0.6 with the first predictor and 0.1 with the second, on 30 responses
    const result = relativeWeights({
      n: 30,
      correlations: [
        [1, 0.6, 0.1],
        [0.6, 1, 0.3],
        [0.1, 0.3, 1],
      ],
    });
    expect(result.drivers.map((driver) => driver.significant)).toEqual([true, false]);
    // with one predictor the weight is r² and the test is the correlation's
    const single = relativeWeights({
      n: 30,
      correlations: [
        [1, 0.6],
        [0.6, 1],
      ],
    });
    expect(single.drivers[0]!.rawWeight).toBeCloseTo(0.36, 12);
    expect(single.drivers[0]!.pValue).toBeCloseTo(single.drivers[0]!.uniquePValue, 12);
  });

  it('refuses predictors that carry no separate information', () => {
    expect(() =>
      relativeWeights({
        n: 50,
        correlations: [
          [1, 0.5, 0.5],
          [0.5, 1, 1],
          [0.5, 1, 1],
        ],
      }),
    ).toThrow(/collinear/);
    expect(() =>
      correlationsFromMoments(
        momentsOf([
          [7, 8],
          [8, 8],
          [9, 8],
        ]),
      ),
    ).toThrow(/does not vary/);
    expect(() =>
      relativeWeights({
        n: 3,
        correlations: [
          [1, 0.5, 0.5],
          [0.5, 1, 0.2],
          [0.5, 0.2, 1],
        ],
      }),
    ).toThrow(/n ≥ 4/);
  });
});
