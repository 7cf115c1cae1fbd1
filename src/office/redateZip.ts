/**
 * Rewrites an Office Open XML package (a zip) so that every timestamp is `date`: each entry's
 * modification time and the `dcterms:created` / `dcterms:modified` properties of
 * `docProps/core.xml`. exceljs and pptxgenjs stamp both with the current time; with one date
 * the same input gives the same bytes (ECMA-376 Part 2 §11 for the core properties).
 */
export async function redateZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async("uint8array");
    if (name === "docProps/core.xml") {
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }});
}
