import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import type { CIMethod } from "../types";
import { sharedOptions } from "./sharedOptions";
import { UsageError } from "./usageError";

/** `--method M` and `--level L`, as the estimating commands declare them. */
export const INTERVAL_OPTIONS = sharedOptions("method", "level");

/**
 * The interval options of `estimate()` from parsed `--method` and `--level`. A level that is not
 * a plain number is refused here; its range (and the method) is checked by `estimate()`.
 */
export function intervalOptions(values: { method?: string | undefined; level?: string | undefined }): { method?: CIMethod | SurveyCIMethod; level?: number } {
  return {
    ...(values.method === undefined ? {} : { method: values.method as CIMethod | SurveyCIMethod }),
    ...(values.level === undefined ? {} : { level: levelOption(values.level) }),
  };
}

function levelOption(text: string): number {
  const level = Number(text.trim().replace(",", "."));
  if (text.trim() === "" || !Number.isFinite(level)) throw new UsageError(`--level must be a number between 0 and 1, e.g. 0.95 (got "${text}")`);
  if (level > 1 && level < 100) throw new UsageError(`--level is a proportion: write ${level / 100} for ${level} % (got "${text}")`);
  return level;
}
