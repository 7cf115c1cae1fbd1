import type { Source } from "../readSourceText";
import { startsWithUtf8Bom } from "../startsWithUtf8Bom";
import { rereadable } from "./rowAtStreamOffset";
import { sourceChunks } from "./sourceChunks";

/**
 * Whether a source begins with a UTF-8 BOM, and the source to read from then on: a source that
 * can be read again is returned as it is; a one-shot stream's first chunks, read to look, are put
 * back in front of the rest.
 */
export async function peekUtf8Bom(source: Source): Promise<{ bom: boolean; source: Source }> {
  const chunks = sourceChunks(source, 1 << 16);
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < 3) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
  }
  const bom = startsWithUtf8Bom(head.flatMap((chunk) => [...chunk.subarray(0, 3)]));
  if (!rereadable(source)) return { bom, source: prepend(head, chunks) };
  await chunks.return(undefined);
  return { bom, source };
}

async function* prepend(head: Uint8Array[], rest: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  yield* rest;
}
