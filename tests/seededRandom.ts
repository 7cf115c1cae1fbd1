/**
 * The seeded generator of generated test and benchmark files (the one svyprop's Monte Carlo
 * p-values use), so those files are the same on every run. (`data/moubarak-2009/reconstruct.ts`
 * keeps its own copy so that the shipped dataset's generator stands alone.)
 */
export { mulberry32 } from "../src/stats/mulberry32";
