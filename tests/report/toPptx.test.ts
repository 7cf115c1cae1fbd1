import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { toPptx } from "../../src/office";
import { formatEstimate } from "../../src/report";
import { friendRequestRows } from "../../examples/moubarakEstimates";
import { CREATED, moubarakReport } from "./officeFixture";

/** The text runs of an XML part, unescaped, in order. */
function texts(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  );
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (file === null) throw new Error(`no ${name} in the deck`);
    return file.async("string");
  };
  return { zip, part };
}

describe("toPptx", () => {
  it("writes a 16:9 deck: a title slide, then per section its heading, chart picture and caption, the table in the notes", async () => {
    const { report } = await moubarakReport("en-US");
    const { zip, part } = await unzip(await toPptx(report, { created: CREATED }));
    expect(await part("ppt/presentation.xml")).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(report.sections.length + 1);
    expect(texts(await part("ppt/slides/slide1.xml"))).toEqual([report.title, report.source]);
    for (const [index, section] of report.sections.entries()) {
      const slide = await part(`ppt/slides/slide${index + 2}.xml`);
      const [title, caption] = texts(slide);
      expect(title).toBe(section.heading);
      expect(caption).toMatch(/Error bars: 95% CI \(Wilson, finite-population corrected\)\. Source: Moubarak G/);
      expect(slide).toContain("<p:pic>");
      const notes = texts(await part(`ppt/notesSlides/notesSlide${index + 2}.xml`))[0]!;
      expect(notes).toContain("Unweighted: every respondent counts once.");
      // Every row's numbers, as the report's own table writes them, are in the notes.
      for (const row of section.rows) {
        const [percent, interval] = /^(\S+) \(95% CI (\S+)\)$/.exec(formatEstimate(row))!.slice(1);
        expect(notes).toContain(`${row.questionLabel} | ${row.categoryLabel} | ${row.count} / ${row.base} | ${percent} | ${interval}`);
      }
    }
    const position = texts(await part("ppt/slides/slide2.xml"))[1];
    expect(position).toMatch(/^n = 202\. /);
    expect(Object.keys(zip.files).filter((name) => name.startsWith("ppt/media/") && name.endsWith(".png"))).toHaveLength(report.sections.length);
  });

  it("writes French titles, captions and notes", async () => {
    const { report } = await moubarakReport("fr-FR", ["friend_request"]);
    const { part } = await unzip(await toPptx(report, { locale: "fr-FR", created: CREATED }));
    const [title, caption] = texts(await part("ppt/slides/slide2.xml"));
    expect(title).toBe(report.sections[0]!.heading);
    expect(caption).toContain("Barres d’erreur\u202f: IC 95\u202f% (Wilson, corrigé pour population finie)");
    const notes = texts(await part("ppt/notesSlides/notesSlide2.xml"))[0]!;
    expect(notes).toContain("Question | Réponse | n / base | % | IC 95\u202f%");
    expect(notes).toContain("| 152 / 178 | 85\u202f% |");
    expect(notes).toContain("Non pondéré\u202f: chaque répondant compte une fois.");
  });

  it("escapes labels in the slides' XML", async () => {
    const decline = friendRequestRows[0]!;
    const rows = [{ ...decline, categoryLabel: "<b>Tom & Jerry</b>" }];
    const { part } = await unzip(await toPptx({ title: 'A "quoted" <title>', sections: [{ heading: "R&D <2>", rows }] }, { created: CREATED }));
    const slide = await part("ppt/slides/slide2.xml");
    expect(slide).toContain("R&amp;D &lt;2&gt;");
    expect(texts(slide)[0]).toBe("R&D <2>");
    expect(texts(await part("ppt/slides/slide1.xml"))[0]).toBe('A "quoted" <title>');
    expect(texts(await part("ppt/notesSlides/notesSlide2.xml"))[0]).toContain("| <b>Tom & Jerry</b> | 152 / 178 |");
  });

  it("gives the same bytes for the same report and date, and stamps that date", async () => {
    const { report } = await moubarakReport("en-US", ["friend_request"]);
    const first = await toPptx(report, { created: CREATED });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await toPptx(report, { created: CREATED });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(await (await unzip(first)).part("docProps/core.xml")).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-03-01T12:00:00Z</dcterms:created>");
  });
});
