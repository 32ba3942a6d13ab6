import { describe, expect, it } from "vitest";
import { MAX_FRONT_MATTER_BYTES, splitFrontMatter } from "../../src/briefing/frontmatter.js";

const split = (text: string) => splitFrontMatter(text, "a.md");

function ok(text: string) {
  const r = split(text);
  if (!r.ok) throw new Error(`expected front matter to load: ${JSON.stringify(r.problems)}`);
  return r;
}

function fail(text: string) {
  const r = split(text);
  if (r.ok) throw new Error("expected a front matter error");
  return r.problems;
}

describe("front matter", () => {
  it("leaves a file without front matter whole, starting on line 1", () => {
    const r = ok("Title\n\nBody text.\n");
    expect(r).toMatchObject({ present: false, data: {}, body: "Title\n\nBody text.\n", bodyLine: 1 });
  });

  it("reads every known key and says on which line the body starts", () => {
    const r = ok(
      [
        "---",
        "id: port-deal",
        "title: Port deal signed",
        "date: 2031-04-02T08:15:00Z",
        "source: Harbour Post",
        "actors: [Port Board, Ana Ruiz]",
        "tags:",
        "  - ports",
        "date_note: the signing day",
        "---",
        "Body starts here.",
      ].join("\n"),
    );
    expect(r.data).toEqual({
      id: "port-deal",
      title: "Port deal signed",
      date: "2031-04-02",
      source: "Harbour Post",
      actors: ["Port Board", "Ana Ruiz"],
      tags: ["ports"],
      date_note: "the signing day",
    });
    expect(r.body).toBe("Body starts here.");
    expect(r.bodyLine).toBe(11);
    expect(r.warnings).toEqual([]);
  });

  it("accepts an empty block and a YAML `...` end marker", () => {
    expect(ok("---\n---\nText").data).toEqual({});
    expect(ok("---\ntitle: T\n...\nText")).toMatchObject({ data: { title: "T" }, body: "Text", bodyLine: 4 });
  });

  it("keeps a date as written instead of turning it into a timestamp", () => {
    expect(ok("---\ndate: 2031-04-02\n---\n").data.date).toBe("2031-04-02");
  });

  it("takes numbers as text where text is expected and a lone tag as a list", () => {
    expect(ok("---\nid: 2031\ntitle: 42\ntags: ports\n---\n").data).toEqual({
      id: "2031",
      title: "42",
      tags: ["ports"],
    });
  });

  it("warns about unknown keys, naming the key and its line, and still loads", () => {
    const r = ok("---\ntitle: T\nauthor: Someone\nsumary: typo\n---\nText");
    expect(r.data).toEqual({ title: "T" });
    expect(r.warnings).toEqual([
      { path: "a.md", line: 3, message: "unknown front matter key 'author'", severity: "warning" },
      { path: "a.md", line: 4, message: "unknown front matter key 'sumary'", severity: "warning" },
    ]);
  });

  it("reports front matter that is never closed", () => {
    expect(fail("---\ntitle: T\n\nBody text without an end to the block.\n")).toEqual([
      { path: "a.md", line: 1, message: "front matter opened on line 1 is never closed", severity: "error" },
    ]);
    expect(fail("---")[0]?.message).toBe("front matter opened on line 1 is never closed");
  });

  it("reports front matter that is a list or a plain value rather than a mapping", () => {
    expect(fail("---\n- a\n- b\n---\nText")).toEqual([
      {
        path: "a.md",
        line: 2,
        message: "front matter must be a mapping of key: value, found a list",
        severity: "error",
      },
    ]);
    expect(fail("---\njust words\n---\n")[0]?.message).toBe(
      "front matter must be a mapping of key: value, found a string",
    );
  });

  it("reports a YAML syntax error on the line of the file where it is", () => {
    const [p] = fail("---\ntitle: T\ntags: [a, b\ndate: 2031-01-01\n---\nText");
    expect(p?.severity).toBe("error");
    expect(p?.message).toMatch(/^front matter is not valid YAML: /);
    expect(p?.message).not.toMatch(/\n/);
    expect(p?.line).toBeGreaterThanOrEqual(3);
  });

  it("rejects a key given twice", () => {
    const [p] = fail("---\ntitle: A\ntitle: B\n---\n");
    expect(p).toMatchObject({ line: 3, severity: "error" });
    expect(p?.message).toMatch(/unique/);
  });

  it("reports an invalid field as `field: message` on the line of that key", () => {
    const problems = fail("---\ntitle: T\ndate: 2031-02-30\n---\nText");
    expect(problems).toEqual([
      { path: "a.md", line: 3, message: expect.stringMatching(/^date: /), severity: "error" },
    ]);
    expect(fail("---\ndate: next Tuesday\n---\n")[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^date: /),
    });
    expect(fail("---\nid: has spaces\n---\n")[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^id: /),
    });
    expect(fail("---\nactors: {a: 1}\n---\n")[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^actors: /),
    });
  });

  it("treats __proto__ and constructor as unknown keys without touching any object", () => {
    const r = ok("---\n__proto__: {polluted: yes}\nconstructor: x\ntitle: T\n---\n");
    expect(r.data).toEqual({ title: "T" });
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.warnings.map((w) => w.message)).toEqual([
      "unknown front matter key '__proto__'",
      "unknown front matter key 'constructor'",
    ]);
  });

  it("refuses front matter over the size cap", () => {
    const big = `---\ntitle: T\nsource: ${"x".repeat(MAX_FRONT_MATTER_BYTES)}\n---\nText`;
    expect(fail(big)).toEqual([
      { path: "a.md", line: 1, message: "front matter is larger than 64 KiB", severity: "error" },
    ]);
  });

  it("reads a custom YAML tag as its plain text, with a warning", () => {
    const r = ok("---\ntitle: !!js/function 'function(){}'\n---\n");
    expect(r.data.title).toBe("function(){}");
    expect(r.warnings).toEqual([
      {
        path: "a.md",
        line: 2,
        message: expect.stringMatching(/^front matter: Unresolved tag/),
        severity: "warning",
      },
    ]);
  });

  it("reports an alias bomb with a message that names the front matter", () => {
    const lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    lines.push("---");
    expect(fail(lines.join("\n"))[0]?.message).toMatch(/^front matter could not be read: .*alias/i);
  });
});

describe("TOML front matter (Hugo's +++)", () => {
  it("reads the same keys, a date as written and a single tag as a list", () => {
    const r = ok(
      '+++\ntitle = "Tolls frozen"\ndate = 2031-04-02T00:30:00+01:00\ntags = "ports"\n+++\nBody.\n',
    );
    expect(r).toMatchObject({
      present: true,
      data: { title: "Tolls frozen", date: "2031-04-02", tags: ["ports"] },
      body: "Body.\n",
      bodyLine: 6,
    });
  });

  it("warns of unknown keys and tables on their lines", () => {
    const r = ok('+++\ntitle = "T"\ndraft = true\n[params]\nx = 1\n+++\nBody.\n');
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [3, "unknown front matter key 'draft'"],
      [4, "unknown front matter key 'params'"],
    ]);
  });

  it("gives invalid TOML, a repeated key and a bad value as problems with their lines", () => {
    expect(fail('+++\ntitle = "T"\ndate = \n+++\n')).toEqual([
      { path: "a.md", line: 3, message: "front matter is not valid TOML: invalid value", severity: "error" },
    ]);
    expect(fail('+++\ntitle = "T"\ntitle = "U"\n+++\n')[0]).toMatchObject({ path: "a.md", line: 3 });
    expect(fail('+++\ntitle = "T"\nid = "no spaces allowed"\n+++\n')[0]).toMatchObject({
      line: 3,
      message: "id: letters, digits, '.', '_' and '-' only",
    });
    expect(fail('+++\ntitle = "T"\n')[0]!.message).toBe("front matter opened on line 1 is never closed");
  });
});

describe("Jekyll dates", () => {
  it("take `2027-02-03 10:15:00 +0100` as the day written", () => {
    expect(ok("---\ndate: 2027-02-03 10:15:00 +0100\n---\n").data.date).toBe("2027-02-03");
  });
});

describe("front matter written by blog engines", () => {
  it("reads Astro's pubDate written out, Ghost's published_at and Jekyll's categories as ours", () => {
    expect(ok("---\ntitle: A\npubDate: 'Nov 28 2026'\n---\nx").data.date).toBe("2026-11-28");
    const ghost = ok(
      "---\npublished_at: 2026-11-30T08:15:00.000Z\ncategories:\n  - labour\ntags: [port]\n---\nx",
    );
    expect(ghost.data).toMatchObject({ date: "2026-11-30", tags: ["port", "labour"] });
    expect(ghost.warnings).toEqual([]);
  });

  it("keeps `date` over its aliases, and says on its line when an alias holds no readable day", () => {
    const r = ok("---\ndate: 2026-11-01\npubDate: 2026-11-28\ncreated: someday\n---\nx");
    expect(r.data.date).toBe("2026-11-01");
    expect(r.warnings).toEqual([]);
    expect(ok("---\ncreated: someday\n---\nx").warnings.map((w) => [w.line, w.message])).toEqual([
      [2, "'created' is no date that can be read: not used"],
    ]);
  });
});
