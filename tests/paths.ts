import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The repository root, for tests that read shipped data or reference files. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A reference file copied unchanged from the shared oracle (R 4.2 survey, binom.test,
 * prop.test; statsmodels; scipy): `tests/oracle/ref/<name>` — see tests/oracle/README.md.
 */
export const oracleRef = (name: string) => join(repoRoot, "tests", "oracle", "ref", name);
export const oracleData = (name: string) => join(repoRoot, "tests", "oracle", "data", name);
/** Published figures of the surveys (copied from the shared sources): `tests/sources/<name>`. */
export const sourcesFile = (name: string) => join(repoRoot, "tests", "sources", name);
/**
 * Reference values svyprop generated with R survey itself (R 4.2.2, survey 4.1-1, from Debian):
 * `tests/reference/r-survey/<name>`, made by generate.R beside it — see its README.
 */
export const rSurveyReference = (name: string) => join(repoRoot, "tests", "reference", "r-survey", name);
