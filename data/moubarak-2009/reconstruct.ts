/**
 * Builds data/moubarak-2009/responses.csv: a RECONSTRUCTION of the 202 respondent rows of
 * Moubarak et al., J Med Ethics 2011;37:101–104 (doi 10.1136/jme.2010.036293).
 *
 * The original microdata are not public. These rows are made up so that every figure printed in
 * the paper's abstract is reproduced exactly (half-up rounding); everything else about them
 * (which respondent answered what, any cross-tabulation) is an assumption, chosen by a seeded
 * PRNG. See README.md in this folder for every assumption.
 *
 *     npx tsx data/moubarak-2009/reconstruct.ts     # rewrites responses.csv, byte-identical
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Seed of the PRNG; changing it gives another, equally valid, reconstruction. */
export const SEED = 20091001;

/** Counts the reconstruction is built to (each exact by construction and checked below). */
export const TARGETS = {
  respondents: 202,
  residents: 160, // fellows: 42 (secondary sources: amednews, iHealthBeat, MedecineNet)
  facebook: 147, // abstract: 147 (73%)
  /** Facebook users who answered the profile-content block (assumed; fits 99/97/91/59 %). */
  profileBlockBase: 140,
  realName: 138, // 138/140 = 98.6 % -> "99"
  birthdate: 136, // 136/140 = 97.1 % -> "97"
  photo: 128, // 128/140 = 91.4 % -> "91"
  university: 83, // 83/140 = 59.3 % -> "59"
  /** The position item needs a base of 137–139; one more block answerer skipped it (assumed). */
  positionBase: 139,
  currentPosition: 76, // 76/139 = 54.7 % -> "55"
  /** Privacy settings: all 147 users (abstract: "61% of users"; numerators assumed). */
  privacyChanged: 90, // 90/147 = 61.2 % -> "61"
  privacyDontRemember: 25, // 25/147 = 17.0 % -> "17" (press release)
  patientRequestReceived: 8, // 8/140 = 5.7 % -> "6" (secondary news), asked in the profile block
  /** Friend-request item: 178 = 152 + 26 + 0 answerers (amednews prints 178). */
  friendRequestBase: 178,
  friendRequestUsers: 140, // assumed split of the 178: 140 users + 38 non-users
  decline: 152, // 152/178 = 85.4 % -> "85"
  caseByCase: 26, // 26/178 = 14.6 % -> "15"
  /** Opinion items: one base, 184, fits 88 (48 %) and 139 (76 %) and the accept-factor figures. */
  opinionBase: 184,
  dprAltered: 88, // 88/184 = 47.8 % -> "48"
  dprOpenAccess: 139, // 139/184 = 75.5 % -> "76"
} as const;

export const COLUMNS = [
  "respondent",
  "position",
  "facebook",
  "real_name",
  "birthdate",
  "photo",
  "university",
  "current_position",
  "privacy_changed",
  "patient_request_received",
  "friend_request",
  "dpr_altered",
  "dpr_open_access",
] as const;

export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

/** mulberry32: a tiny 32-bit PRNG (Tommy Ettinger), uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Exactly k distinct members of `pool`, chosen at random, returned in pool order. */
function pick(pool: readonly number[], k: number, rng: () => number): number[] {
  if (k < 0 || k > pool.length) throw new Error(`cannot pick ${k} of ${pool.length}`);
  const chosen = new Set(shuffle(pool, rng).slice(0, k));
  return pool.filter((i) => chosen.has(i));
}

function without(pool: readonly number[], remove: readonly number[]): number[] {
  const r = new Set(remove);
  return pool.filter((i) => !r.has(i));
}

/** Pure: the reconstructed rows for a seed. Counts are exact by construction. */
export function buildRows(seed: number = SEED): Row[] {
  const T = TARGETS;
  const rng = mulberry32(seed);
  const all = Array.from({ length: T.respondents }, (_, i) => i);
  const rows: Row[] = all.map((i) => {
    const row = Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Row;
    row.respondent = `R${String(i + 1).padStart(3, "0")}`;
    return row;
  });
  const set = (idx: readonly number[], col: Column, value: string) => {
    for (const i of idx) (rows[i] as Row)[col] = value;
  };
  /** Among `answerers`, `yes` get "yes" and the rest "no". */
  const binary = (answerers: readonly number[], col: Column, yes: number) => {
    const yesIdx = pick(answerers, yes, rng);
    set(answerers, col, "no");
    set(yesIdx, col, "yes");
  };

  // Position: 160 residents, 42 fellows.
  const residents = pick(all, T.residents, rng);
  set(all, "position", "fellow");
  set(residents, "position", "resident");

  // Facebook profile: 147 of 202 (split by position not published: left to chance).
  const users = pick(all, T.facebook, rng);
  set(all, "facebook", "no");
  set(users, "facebook", "yes");
  const nonUsers = without(all, users);

  // Profile-content block: 140 of the 147 users answered it (7 skipped the block).
  const block = pick(users, T.profileBlockBase, rng);
  binary(block, "real_name", T.realName);
  binary(block, "birthdate", T.birthdate);
  binary(block, "photo", T.photo);
  binary(block, "university", T.university);
  binary(pick(block, T.positionBase, rng), "current_position", T.currentPosition);
  binary(block, "patient_request_received", T.patientRequestReceived);

  // Privacy settings: every user answered; yes / no / dont_remember.
  const privacyYes = pick(users, T.privacyChanged, rng);
  const privacyDk = pick(without(users, privacyYes), T.privacyDontRemember, rng);
  set(users, "privacy_changed", "no");
  set(privacyYes, "privacy_changed", "yes");
  set(privacyDk, "privacy_changed", "dont_remember");

  // Friend request from a patient: 178 answerers, 140 users + 38 non-users.
  const frAnswerers = [
    ...pick(users, T.friendRequestUsers, rng),
    ...pick(nonUsers, T.friendRequestBase - T.friendRequestUsers, rng),
  ].sort((a, b) => a - b);
  const shuffled = shuffle(frAnswerers, rng);
  set(shuffled.slice(0, T.decline), "friend_request", "decline");
  set(shuffled.slice(T.decline, T.decline + T.caseByCase), "friend_request", "case_by_case");
  // "accept": none (0 of 178).

  // Opinion items: the same 184 respondents answered both.
  const opinion = pick(all, T.opinionBase, rng);
  binary(opinion, "dpr_altered", T.dprAltered);
  binary(opinion, "dpr_open_access", T.dprOpenAccess);

  checkCounts(rows);
  return rows;
}

function count(rows: readonly Row[], col: Column, value: string): number {
  return rows.filter((r) => r[col] === value).length;
}

/** Throws if a target count is not met (a guard on the construction above). */
function checkCounts(rows: readonly Row[]): void {
  const T = TARGETS;
  const answered = (col: Column) => rows.filter((r) => r[col] !== "").length;
  const checks: [string, number, number][] = [
    ["rows", rows.length, T.respondents],
    ["residents", count(rows, "position", "resident"), T.residents],
    ["facebook", count(rows, "facebook", "yes"), T.facebook],
    ["real_name base", answered("real_name"), T.profileBlockBase],
    ["real_name", count(rows, "real_name", "yes"), T.realName],
    ["birthdate", count(rows, "birthdate", "yes"), T.birthdate],
    ["photo", count(rows, "photo", "yes"), T.photo],
    ["university", count(rows, "university", "yes"), T.university],
    ["current_position base", answered("current_position"), T.positionBase],
    ["current_position", count(rows, "current_position", "yes"), T.currentPosition],
    ["privacy_changed", count(rows, "privacy_changed", "yes"), T.privacyChanged],
    ["privacy dont_remember", count(rows, "privacy_changed", "dont_remember"), T.privacyDontRemember],
    ["patient_request_received", count(rows, "patient_request_received", "yes"), T.patientRequestReceived],
    ["friend_request base", answered("friend_request"), T.friendRequestBase],
    ["decline", count(rows, "friend_request", "decline"), T.decline],
    ["case_by_case", count(rows, "friend_request", "case_by_case"), T.caseByCase],
    ["dpr_altered base", answered("dpr_altered"), T.opinionBase],
    ["dpr_altered", count(rows, "dpr_altered", "yes"), T.dprAltered],
    ["dpr_open_access", count(rows, "dpr_open_access", "yes"), T.dprOpenAccess],
  ];
  for (const [name, got, want] of checks) {
    if (got !== want) throw new Error(`reconstruction: ${name} is ${got}, expected ${want}`);
  }
}

/** Pure: the CSV text (header + 202 rows, "\n" line ends, final newline; no cell needs quoting). */
export function buildCsv(seed: number = SEED): string {
  const lines = [COLUMNS.join(","), ...buildRows(seed).map((r) => COLUMNS.map((c) => r[c]).join(","))];
  return `${lines.join("\n")}\n`;
}

export const CSV_PATH = join(dirname(fileURLToPath(import.meta.url)), "responses.csv");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CSV_PATH, buildCsv(), "utf8");
  console.log(`wrote ${CSV_PATH}`);
}
