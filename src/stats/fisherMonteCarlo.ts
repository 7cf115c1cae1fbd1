import { argumentError } from "../errors";
import type { Margins } from "./contingencyTable";
import { mulberry32 } from "./mulberry32";
import { assertPositiveCount } from "./validate";

export interface MonteCarloOptions {
  /** Number of simulated tables B (default 2000, as R). */
  replicates?: number;
  /** Seed of the mulberry32 generator (default 1): the same seed gives the same p-value. */
  seed?: number;
}

/**
 * Monte Carlo p-value of Fisher's exact test, as R `fisher.test(simulate.p.value = TRUE, B)`:
 * B tables drawn at random with the observed margins (the null law of the exact test), and
 * p = (1 + #{simulated tables with Σ −log n_ij! ≤ the observed one's, ties counted within R's
 * 1 + 64ε}) / (B + 1) (Hope 1968, JRSS B 30:582–598). Each table is drawn row by row, each row
 * cell by cell from its conditional hypergeometric law given the cells before it — the law R's
 * `r2dtable` (Patefield 1981, Applied Statistics 30:91–97) samples — with the seeded mulberry32
 * generator, so the same seed gives the same p-value; R draws from its own Mersenne-Twister
 * stream, so its p-values agree with these within Monte Carlo error, not digit for digit.
 */
export function monteCarloPValue(table: readonly (readonly number[])[], margins: Margins, options: MonteCarloOptions = {}): number {
  const { replicates = 2000, seed = 1 } = options;
  assertPositiveCount("replicates", replicates);
  if (!Number.isSafeInteger(seed)) throw argumentError("seed", "must be an integer", seed);
  const logFactorial = new Float64Array(margins.total + 1);
  for (let k = 1; k <= margins.total; k += 1) logFactorial[k] = (logFactorial[k - 1] as number) + Math.log(k);
  const statisticOf = (cells: Iterable<number>): number => {
    let sum = 0;
    for (const n of cells) sum -= logFactorial[n] as number;
    return sum;
  };
  const almostOne = 1 + 64 * Number.EPSILON;
  const observed = statisticOf(table.flat()) / almostOne;
  const random = mulberry32(seed);
  let asExtreme = 0;
  for (let b = 0; b < replicates; b += 1) {
    if (statisticOf(randomTable(margins, random)) <= observed) asExtreme += 1;
  }
  return (1 + asExtreme) / (replicates + 1);
}

/** The cells of one random table with the given margins, row after row. */
function randomTable({ rowTotals, columnTotals }: Margins, random: () => number): number[] {
  const columnsLeft = [...columnTotals];
  const cells: number[] = [];
  for (const rowTotal of rowTotals) {
    let draws = rowTotal;
    let population = columnsLeft.reduce((a, b) => a + b, 0);
    columnsLeft.forEach((columnLeft, j) => {
      const n = j === columnsLeft.length - 1 ? draws : hypergeometricDraw(draws, columnLeft, population, random);
      cells.push(n);
      columnsLeft[j] = columnLeft - n;
      draws -= n;
      population -= columnLeft;
    });
  }
  return cells;
}

/**
 * One draw of the number of successes in `draws` draws without replacement from `population`
 * items of which `successes` are successes, by inversion: the probabilities from the mode
 * outwards (each from its neighbour, so none underflows where it matters) until they no longer
 * count, then the first count whose cumulative probability passes a uniform.
 */
function hypergeometricDraw(draws: number, successes: number, population: number, random: () => number): number {
  const low = Math.max(0, draws - (population - successes));
  const high = Math.min(draws, successes);
  if (low === high) return low;
  const failures = population - successes;
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
  // P(k + 1) / P(k)
  const ratio = (k: number): number => ((successes - k) * (draws - k)) / ((k + 1) * (failures - draws + k + 1));
  const below: number[] = [];
  for (let k = mode, p = 1; k > low && p > 1e-18; k -= 1) {
    p /= ratio(k - 1);
    below.push(p);
  }
  const above: number[] = [];
  for (let k = mode, p = 1; k < high && p > 1e-18; k += 1) {
    p *= ratio(k);
    above.push(p);
  }
  const weights = [...below.reverse(), 1, ...above];
  const first = mode - below.length;
  let u = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length - 1; i += 1) {
    u -= weights[i] as number;
    if (u < 0) return first + i;
  }
  return first + weights.length - 1;
}
