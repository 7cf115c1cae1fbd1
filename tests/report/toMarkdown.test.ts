import { describe, expect, it } from "vitest";
import { toMarkdown } from "../../src/report";
import { friendRequestRows, profileRows } from "../../examples/moubarakEstimates";

describe("toMarkdown", () => {
  it("prints one line per row with n / base, percent and the interval", () => {
    expect(toMarkdown(friendRequestRows)).toBe(
      [
        "| Question | Answer | n / base | % | 95% CI |",
        "| --- | --- | ---: | ---: | ---: |",
        "| If a patient sent a friend request | Would decline | 152 / 178 | 85% | 79–90 |",
        "| If a patient sent a friend request | Case by case | 26 / 178 | 15% | 10–21 |",
        "| If a patient sent a friend request | Would accept | 0 / 178 | 0% | 0–2 |",
        "",
      ].join("\n"),
    );
  });

  it("writes French headers and numbers", () => {
    const lines = toMarkdown(profileRows.slice(4), { locale: "fr-FR", decimals: 1 }).split("\n");
    expect(lines[0]).toBe("| Question | Réponse | n / base | % | IC 95\u202f% |");
    expect(lines[2]).toBe("| Current position | Yes | 76 / 139 | 54,7\u202f% | 46,4–62,7 |");
  });

  it("adds a group column when rows have groups, and names each level when they differ", () => {
    const rows = [
      { ...friendRequestRows[0]!, group: { position: "resident" } },
      { ...friendRequestRows[0]!, group: { position: "fellow" }, level: 0.9 },
    ];
    const lines = toMarkdown(rows).split("\n");
    expect(lines[0]).toBe("| Question | Answer | Group | n / base | % | CI |");
    expect(lines[2]).toContain("| resident | 152 / 178 | 85% | 95% CI 79–90 |");
    expect(lines[3]).toContain("| fellow | 152 / 178 | 85% | 90% CI 79–90 |");
  });

  it("escapes pipes and line breaks in labels", () => {
    const row = { ...friendRequestRows[0]!, questionLabel: "Yes | no\nmaybe" };
    expect(toMarkdown([row]).split("\n")[2]).toContain("| Yes \\| no maybe |");
  });

  it("writes HTML and Markdown in labels as text, never as markup", () => {
    const row = { ...friendRequestRows[0]!, questionLabel: "<script>alert(1)</script> & *bold* _it_ `code` [link](javascript:x) ~~s~~", categoryLabel: "a\u2028b\u2029c\u0085d\re" };
    const cells = toMarkdown([row]).split("\n")[2]!;
    expect(cells).not.toMatch(/<script|<\/script/);
    expect(cells).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](javascript:x) \\~\\~s\\~\\~");
    expect(cells).toContain("| a b c d e |");
  });
});
