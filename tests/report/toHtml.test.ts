import { describe, expect, it } from "vitest";
import { toHtml } from "../../src/report";
import { friendRequestRows, inFrench, MOUBARAK_SOURCE } from "../../examples/moubarakEstimates";

const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

describe("toHtml", () => {
  it("is one self-contained page: title, section heading, inline SVG and the table", () => {
    const html = toHtml({ title: "Moubarak <2009>", subtitle: MOUBARAK_SOURCE, sections: [{ heading: "Friend requests", svg, rows: friendRequestRows }] });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Moubarak &lt;2009&gt;</title>");
    expect(html).toContain("<h2>Friend requests</h2>");
    expect(html).toContain('<figure><svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toContain("<?xml");
    expect(html).toContain('<td>Would decline</td><td class="number">152 / 178</td><td class="number">85%</td><td class="number">79–90</td>');
    expect(html).not.toMatch(/<script|<link|src=|href=/);
  });

  it("is written in French when asked", () => {
    const html = toHtml({ title: "Moubarak", sections: [{ rows: inFrench(friendRequestRows) }] }, { locale: "fr-FR", decimals: 1 });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<th scope=\"col\">Réponse</th>");
    expect(html).toContain("<td>Refuserait</td>");
    expect(html).toContain("85,4\u202f%");
  });

  it("escapes labels and refuses SVG that carries script", () => {
    const html = toHtml({ title: "t", sections: [{ notes: ["<b>bold</b> & co"], rows: [{ ...friendRequestRows[0]!, categoryLabel: "<img src=x onerror=alert(1)>" }] }] });
    expect(html).toContain("<p>&lt;b&gt;bold&lt;/b&gt; &amp; co</p>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(() => toHtml({ title: "t", sections: [{ svg: '<svg><script>alert(1)</script></svg>', rows: [] }] })).toThrow(/E_ARGUMENT/);
    expect(() => toHtml({ title: "t", sections: [{ svg: '<svg onload="alert(1)"></svg>', rows: [] }] })).toThrow(/E_ARGUMENT/);
    expect(() => toHtml({ title: "t", sections: [{ svg: "not svg", rows: [] }] })).toThrow(/E_ARGUMENT/);
  });

  describe("inlines only the SVG a chart needs", () => {
    const page = (svg: string) => toHtml({ title: "t", sections: [{ svg, rows: [] }] });
    const hostile = [
      '<svg><image href="x" onerror="alert(1)"/></svg>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><foreignObject><div>x</div></foreignObject></svg>',
      '<svg><rect width="1"><set attributeName="fill" to="red"/></rect></svg>',
      '<svg><rect width="1"><animate attributeName="x" values="0;1"/></rect></svg>',
      '<svg><rect fill="url(javascript:alert(1))"/></svg>',
      '<svg><rect fill="url(http://evil.example/x.svg#a)"/></svg>',
      '<svg><use href="#a"/></svg>',
      '<svg><rect style="background:url(x)"/></svg>',
      '<svg ONLOAD="alert(1)"></svg>',
      '<svg onload=alert(1)></svg>',
      '<svg><script>alert(1)</script></svg>',
      '<svg><![CDATA[<script>alert(1)</script>]]></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
      '<svg></svg><script>alert(1)</script>',
      '<svg><g></svg>',
    ];
    it.each(hostile)("refuses %s", (svg) => {
      expect(() => page(svg)).toThrow(/E_ARGUMENT: sections\[0\]\.svg/);
    });

    it("keeps a chart's text, including text that looks like an attribute", () => {
      const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g clip-path="url(#clip1)"><text x="1" font-size="10px">Time online = 2h &amp; &lt;more&gt; onerror=x</text></g></svg>';
      const html = page(svg);
      expect(html).toContain('<figure><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g clip-path="url(#clip1)"><text x="1" font-size="10px">Time online = 2h &amp; &lt;more&gt; onerror=x</text></g></svg></figure>');
    });

    it("inlines a chart rendered by the package unchanged", async () => {
      const { barChart } = await import("../../src/charts");
      const { renderSvg } = await import("../../src/render");
      const svg = await renderSvg(barChart(friendRequestRows, { title: "Friend <requests> & more" }));
      expect(page(svg)).toContain(`<figure>${svg}</figure>`);
    });
  });
});
