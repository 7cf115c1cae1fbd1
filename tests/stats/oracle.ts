import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { oracleRef } from "../paths";

/**
 * Helpers for reading the reference values in tests/oracle/ref/ — unchanged copies of the
 * shared oracle files (R 4.2, statsmodels, scipy; see tests/oracle/README.md).
 */

export interface OracleCase {
  id: string;
  method: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  tags: string[];
  split: string;
}

export function loadOracle(fileName: string): OracleCase[] {
  const parsed = JSON.parse(readFileSync(oracleRef(fileName), "utf8")) as { cases: OracleCase[] };
  return parsed.cases.filter((c) => c.split === "visible");
}

/** A JSON number, or one of the strings "NaN", "Infinity", "-Infinity", as a number. */
export function num(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return Number(value);
  throw new Error(`not a number: ${JSON.stringify(value)}`);
}

/** |actual − expected| ≤ relative·|expected| (exact match when expected is 0 or infinite). */
export function expectClose(actual: number, expected: number, relative: number, label = ""): void {
  if (expected === 0 || !Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative);
}

/** |actual − expected| ≤ absolute: for references that carry an absolute convergence error. */
export function expectWithin(actual: number, expected: number, absolute: number, label = ""): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(absolute);
}
