import { expect } from "vitest";

/**
 * Equal field by field: the same keys and strings, non-finite numbers exactly (NaN where NaN),
 * other numbers within 1e-11 (relative above 1), so two engines that add the same sums in another
 * order agree; a failure names the path of the field.
 */
export function expectSameFields(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    if (Number.isNaN(expected)) expect(actual, path).toBeNaN();
    else if (!Number.isFinite(expected)) expect(actual, path).toBe(expected);
    else expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === "object") {
    expect(actual !== null && typeof actual === "object", path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSameFields((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else expect(actual, path).toBe(expected);
}
