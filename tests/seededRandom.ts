/**
 * mulberry32 (Tommy Ettinger): a tiny seeded 32-bit generator, uniform on [0, 1), so generated
 * test and benchmark files are the same on every run. (`data/moubarak-2009/reconstruct.ts` keeps
 * its own copy so that the shipped dataset's generator stands alone.)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
