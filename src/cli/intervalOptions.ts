import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import type { CIMethod } from "../types";

/** `--method M` and `--level L`, as the estimating commands declare them to `parseArgs`. */
export const INTERVAL_OPTIONS = {
  method: { type: "string" },
  level: { type: "string" },
} as const;

/** The interval options of `estimate()` from parsed `--method` and `--level` (checked there). */
export function intervalOptions(values: { method?: string | undefined; level?: string | undefined }): { method?: CIMethod | SurveyCIMethod; level?: number } {
  return {
    ...(values.method === undefined ? {} : { method: values.method as CIMethod | SurveyCIMethod }),
    ...(values.level === undefined ? {} : { level: Number(values.level) }),
  };
}
