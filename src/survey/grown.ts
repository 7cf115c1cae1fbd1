/** A typed array with room for `length` entries, its values kept (new entries `fill`). */
export function grown<T extends Int16Array | Uint8Array | Int32Array | Float64Array>(array: T, length: number, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
