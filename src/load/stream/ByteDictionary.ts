/**
 * An open-addressing hash table from byte strings to dense entry numbers (0, 1, …), holding at
 * most `capacity` keys. It lets the streaming tally code each distinct raw cell once: a cell is
 * looked up by its bytes, with no string built, and only a miss is decoded and coded.
 */
export class ByteDictionary {
  /** Entry number + 1 per slot; 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  /** 32 − log2(slots): a slot is the top bits of the mixed hash. */
  private shift: number;
  /** Per entry; they grow by doubling up to `capacity`, so a column of few distinct values costs little. */
  private keyHash: Int32Array;
  private keyStart: Int32Array;
  private keyLength: Int32Array;
  private pool = new Uint8Array(64);
  private poolLength = 0;
  /** Number of keys stored. */
  size = 0;

  constructor(readonly capacity: number) {
    const room = Math.min(capacity, INITIAL_ENTRIES);
    this.keyHash = new Int32Array(room);
    this.keyStart = new Int32Array(room);
    this.keyLength = new Int32Array(room);
    ({ slots: this.slots, mask: this.mask, shift: this.shift } = slotTable(room));
  }

  /** The entry of `bytes[start, end)`, or -1 when absent. `hash` must be `hashBytes` of the key. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const pool = this.pool;
    for (let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & this.mask) {
      const stored = this.slots[slot] as number;
      if (stored === 0) return -1;
      const entry = stored - 1;
      if (this.keyHash[entry] !== hash || this.keyLength[entry] !== length) continue;
      if (length <= 4) return entry; // the hash of a short key is its bytes
      const at = (this.keyStart[entry] as number) - start;
      let i = start;
      while (i < end && pool[i + at] === bytes[i]) i++;
      if (i === end) return entry;
    }
  }

  /** Stores a key known to be absent; returns its entry, or -1 when the dictionary is full. */
  add(bytes: Uint8Array, start: number, end: number, hash: number): number {
    if (this.size === this.capacity) return -1;
    if (this.size === this.keyHash.length) this.grow();
    const length = end - start;
    if (this.poolLength + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    const entry = this.size++;
    this.keyHash[entry] = hash;
    this.keyStart[entry] = this.poolLength;
    this.keyLength[entry] = length;
    this.poolLength += length;
    this.place(entry);
    return entry;
  }

  /** Puts an entry in the first free slot from its hash's. */
  private place(entry: number): void {
    let slot = Math.imul(this.keyHash[entry] as number, 0x9e3779b1) >>> this.shift;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
  }

  /** Doubles the room for entries (at most `capacity`) and places every entry in a table twice as large. */
  private grow(): void {
    const room = Math.min(this.capacity, 2 * this.keyHash.length);
    const widen = (array: Int32Array) => {
      const grown = new Int32Array(room);
      grown.set(array);
      return grown;
    };
    this.keyHash = widen(this.keyHash);
    this.keyStart = widen(this.keyStart);
    this.keyLength = widen(this.keyLength);
    ({ slots: this.slots, mask: this.mask, shift: this.shift } = slotTable(room));
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }
}

/** Entries a dictionary has room for before it first grows. */
const INITIAL_ENTRIES = 16;

/** An empty slot table for `entries` keys: at least twice as many slots, a power of two. */
function slotTable(entries: number): { slots: Int32Array; mask: number; shift: number } {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return { slots: new Int32Array(size), mask: size - 1, shift: 32 - Math.log2(size) };
}

/**
 * The key hash `ByteDictionary` expects for `bytes[start, end)`: a key of up to 4 bytes is
 * its own hash (its bytes packed in an integer, so equal hashes and lengths mean equal keys and
 * most survey answers — "Oui", "no", "3" — are found without comparing bytes). A longer key
 * is hashed from its length and its first, middle and last four bytes: cheap for the long
 * labels of single-choice answers, and `find` compares the bytes anyway.
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length <= 4) return packFour(bytes, start, end);
  const middle = start + (length >> 1) - 2;
  let hash = Math.imul(packFour(bytes, start, start + 4), 0x01000193) ^ length;
  hash = Math.imul(hash ^ packFour(bytes, middle, middle + 4), 0x01000193);
  return Math.imul(hash ^ packFour(bytes, end - 4, end), 0x01000193);
}

/** Up to four bytes packed in an integer, the first in the highest bits. */
function packFour(bytes: Uint8Array, start: number, end: number): number {
  let packed = 0;
  for (let i = start; i < end; i++) packed = (packed << 8) | (bytes[i] as number);
  return packed;
}
