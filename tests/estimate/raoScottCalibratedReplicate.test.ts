import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { loadSurvey, type Codebook, type DesignSpec, type Question, type ReplicatesSpec } from "../../src";
import { repoRoot } from "../paths";
import { expectRaoScottTable } from "../reference/expectRaoScottTable";
import type { TableReference } from "../reference/rSurveyReference";

/** reference.json beside generate.R: R 4.2.2 / survey 4.1-1 `svychisq` on calibrated and replicate-weight designs. */
const references = join(repoRoot, "tests", "reference");
interface Case extends TableReference {
  design: string;
}
interface Setting {
  data: string;
  calibration?: "postStratify" | "rake";
  type?: ReplicatesSpec["type"];
  rscales?: number[];
  scale?: [number];
  rho?: number;
}
const reference = JSON.parse(readFileSync(join(references, "r-survey-raoscott", "reference.json"), "utf8")) as {
  populations: Record<"stype" | "awards", Record<string, [number]>>;
  settings: Record<string, Setting>;
  cases: Case[];
};

const single = (id: string, values: string[]): Question => ({ id, type: "single", column: id, categories: values.map((v) => ({ code: v, label: v, values: [v] })) });
const api = [single("stype", ["E", "H", "M"]), single("awards", ["Yes", "No"]), single("sch_wide", ["Yes", "No"])];
const scd = [single("ESA", ["1", "2", "3"]), single("ambulance", ["1", "2"])];
const population = (margin: "stype" | "awards") => Object.fromEntries(Object.entries(reference.populations[margin]).map(([value, [count]]) => [value, count]));

/** The codebook design of each R design: the calibration of R's postStratify / rake, or svrepdesign's replicates. */
function designOf(setting: Setting): DesignSpec {
  if (setting.calibration === "postStratify") {
    return { weights: "pw", strata: "stype", fpc: "fpc", calibration: { method: "postStratify", margins: [{ column: "stype", population: population("stype") }] } };
  }
  if (setting.calibration === "rake") {
    const margins = [
      { column: "stype", population: population("stype") },
      { column: "awards", population: population("awards") },
    ];
    return { weights: "pw", cluster: "dnum", fpc: "fpc", calibration: { method: "rake", margins } };
  }
  const replicates: ReplicatesSpec = {
    columns: { pattern: "^rw[0-9]+$" },
    type: setting.type!,
    ...(setting.rscales === undefined ? {} : { rscales: setting.rscales }),
    ...(setting.scale === undefined ? {} : { scale: setting.scale[0] }),
    ...(setting.rho === undefined ? {} : { rho: setting.rho }),
  };
  return { weights: "pw", replicates };
}

function load(name: string) {
  const setting = reference.settings[name]!;
  // The numeric references' samples have no sch_wide column.
  const questions = setting.data.includes("scd") ? scd : api.filter((q) => setting.calibration === undefined || q.id !== "sch_wide");
  const codebook: Codebook = { missing: [""], design: designOf(setting), questions };
  return loadSurvey(join(references, `${setting.data}.csv`), { codebook });
}

describe.each(Object.keys(reference.settings))("crosstab's Rao–Scott test on %s matches R svychisq", (name) => {
  it.each(reference.cases.filter((c) => c.design === name).map((c) => [`${c.rows} × ${c.cols}`, c] as const))("%s: F and Chisq", async (_, c) => {
    const survey = await load(name);
    expectRaoScottTable(survey, c);
  });
});
