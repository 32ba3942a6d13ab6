import { describe, expect, it } from "vitest";
import { extractActorDetails, extractActors } from "../../src/briefing/actors.js";
import { canonicalActor, guessKind, parseRegistry } from "../../src/briefing/registry.js";
import type { RegistryActor } from "../../src/briefing/schema.js";

const REGISTRY: RegistryActor[] = [
  { name: "Bureau of Industry and Security", kind: "agency", aliases: ["BIS"] },
  { name: "Trump administration", kind: "government", aliases: ["White House"] },
  { name: "Anthropic", kind: "company", aliases: [] },
];

describe("registry file", () => {
  it("reads a list of actors with kinds and aliases", () => {
    const { registry, problems } = parseRegistry(
      "- name: Anthropic\n  kind: company\n- name: Bureau of Industry and Security\n  kind: agency\n  aliases: [BIS]\n",
      "actors.yaml",
    );
    expect(problems).toEqual([]);
    expect(registry).toEqual([
      { name: "Anthropic", kind: "company", aliases: [] },
      { name: "Bureau of Industry and Security", kind: "agency", aliases: ["BIS"] },
    ]);
  });

  it("defaults a missing kind to other", () => {
    expect(parseRegistry("- name: Sophont\n", "actors.yaml").registry[0]?.kind).toBe("other");
  });

  it("keeps valid entries next to an invalid one and reports it with its line", () => {
    const text = "- name: Anthropic\n  kind: company\n- name: Palantir\n  kind: startup\n- name: OpenAI\n";
    const { registry, problems } = parseRegistry(text, "actors.yaml");
    expect(registry.map((a) => a.name)).toEqual(["Anthropic", "OpenAI"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "actors.yaml", line: 4, severity: "error" });
    expect(problems[0]?.message).toMatch(/^kind: /);
  });

  it("reports a YAML syntax error with its line and loads nothing", () => {
    const { registry, problems } = parseRegistry("- name: Anthropic\n  kind: [company\n", "actors.yaml");
    expect(registry).toEqual([]);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it("reports a duplicate key", () => {
    const { problems } = parseRegistry("- name: Anthropic\n  name: OpenAI\n", "actors.yaml");
    expect(problems[0]?.message).toMatch(/unique|duplicate/i);
  });

  it("reports a file that is not a list", () => {
    const { registry, problems } = parseRegistry("name: Anthropic\n", "actors.yaml");
    expect(registry).toEqual([]);
    expect(problems[0]?.message).toMatch(/list of actors/);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    // Each entry's aliases refer to the previous entry's nine times: 9^8 strings if expanded.
    const lines = ["- name: A0", "  aliases: &l0 [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i <= 8; i++) {
      lines.push(
        `- name: A${i}`,
        `  aliases: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    }
    const { registry, problems } = parseRegistry(lines.join("\n"), "actors.yaml");
    expect(registry).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/alias/i);
  });

  it("warns about an alias already claimed by another actor", () => {
    const { registry, problems } = parseRegistry(
      "- name: Department of Commerce\n  aliases: [Commerce]\n- name: Commerce Bank\n  aliases: [Commerce]\n",
      "actors.yaml",
    );
    expect(registry[1]?.aliases).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: "warning", line: 4 });
  });

  it("treats an empty file as an empty registry", () => {
    expect(parseRegistry("", "actors.yaml")).toEqual({ registry: [], problems: [] });
  });
});

describe("canonical names", () => {
  it("folds an alias into its registry name", () => {
    expect(canonicalActor("BIS", REGISTRY)).toBe("Bureau of Industry and Security");
  });

  it("ignores case, a leading 'the' and spacing", () => {
    expect(canonicalActor("the  Trump Administration", REGISTRY)).toBe("Trump administration");
  });

  it("keeps an unknown name as written", () => {
    expect(canonicalActor("Sophont", REGISTRY)).toBe("Sophont");
  });
});

describe("actors in text", () => {
  it("lists declared actors first, canonicalised", () => {
    expect(extractActors(["Anthropic complied."], REGISTRY, ["BIS"])).toEqual([
      "Bureau of Industry and Security",
      "Anthropic",
    ]);
  });

  it("finds registry aliases on word boundaries only", () => {
    expect(extractActors(["The BISON herd and the BIS rules."], REGISTRY, [])).toEqual([
      "Bureau of Industry and Security",
    ]);
  });

  it("matches acronyms case-sensitively", () => {
    expect(extractActors(["Ceci n'est pas bis."], REGISTRY, [])).toEqual([]);
  });

  it("matches other registry names case-insensitively", () => {
    expect(extractActors(["The Trump Administration acted."], REGISTRY, [])).toEqual([
      "Trump administration",
    ]);
  });

  it("reads a Full Name (ACRONYM) definition and folds later uses of the acronym", () => {
    const found = extractActorDetails(
      ["The Federal Trade Commission (FTC) opened a case.", "Later the FTC closed it."],
      [],
      [],
    );
    expect(found).toEqual([{ name: "Federal Trade Commission", kind: "agency", aliases: ["FTC"] }]);
  });

  it("accepts acronyms that spell connectors or mix case", () => {
    expect(extractActors(["The Department of Defense (DoD) objected."], [], [])).toEqual([
      "Department of Defense",
    ]);
  });

  it("ignores a parenthesis whose letters are not the initials", () => {
    expect(extractActors(["Sales grew in Europe and Asia (EMEA)."], [], [])).toEqual([]);
  });

  it("ignores a quoted term with an acronym", () => {
    expect(extractActors(["Checks such as 'Know Your Customer' (KYC) were proposed."], [], [])).toEqual([]);
  });

  it("finds organisation names around Department, Bureau, Administration", () => {
    expect(
      extractActors(
        [
          "A letter from the US Department of Commerce reached the Trump Administration and the Census Bureau.",
        ],
        [],
        [],
      ),
    ).toEqual(["US Department of Commerce", "Trump Administration", "Census Bureau"]);
  });

  it("finds companies with Inc. and Corp.", () => {
    expect(extractActors(["Shares of Nvidia Corp. and Acme, Inc. fell."], [], [])).toEqual([
      "Nvidia Corp.",
      "Acme Inc.",
    ]);
  });

  it("does not take a sentence-initial word into an organisation name", () => {
    expect(extractActors(["Yesterday Commerce Department officials spoke."], [], [])).toEqual([
      "Commerce Department",
    ]);
  });

  it("ignores an organisation word standing alone", () => {
    expect(
      extractActors(["The Department declined to comment. Administration officials agreed."], [], []),
    ).toEqual([]);
  });

  it("finds people introduced by a role", () => {
    expect(
      extractActors(
        [
          "Commerce Secretary Howard Lutnick wrote the letter.",
          "Nvidia chief executive Jensen Huang and Anthropic co-founder Tom Brown spoke.",
        ],
        [],
        [],
      ),
    ).toEqual(["Howard Lutnick", "Jensen Huang", "Tom Brown"]);
  });

  it("finds a person named before a role", () => {
    expect(
      extractActors(["Francesco Bailo, deputy director of a research centre, disagreed."], [], []),
    ).toEqual(["Francesco Bailo"]);
  });

  it("keeps the title with a lone surname", () => {
    expect(extractActors(["President Trump's comments helped."], [], [])).toEqual(["President Trump"]);
  });

  it("folds a later surname into the full name", () => {
    expect(
      extractActors(["Secretary Howard Lutnick signed.", "Secretary Lutnick later spoke."], [], []),
    ).toEqual(["Howard Lutnick"]);
  });

  it("does not take capitalised sentence openers as actors", () => {
    expect(extractActors(["However, The Verge reported it. Then Talks stalled."], [], [])).toEqual([]);
  });

  it("reads a role's field before it as part of the role, never of the name", () => {
    expect(
      extractActors(
        [
          "EU digital chief Henna Virkkunen and EU tech chief Thierry Breton spoke.",
          "Anthropic's chief science officer Jared Kaplan agreed.",
        ],
        [],
        [],
      ),
    ).toEqual(["Henna Virkkunen", "Thierry Breton", "Jared Kaplan"]);
  });

  it("keeps an organisation's name whole across its comma and its ampersand", () => {
    expect(
      extractActors(
        [
          "Johnson & Johnson, Inc. and Procter & Gamble Co. settled.",
          "Skadden, Arps, Slate, Meagher & Flom LLP advised Acme Holdings, LLC.",
          "The University of California, Berkeley published a study.",
          "The University of Oxford, Google and Meta signed.",
        ],
        [],
        [],
      ),
    ).toEqual([
      "Johnson & Johnson Inc.",
      "Procter & Gamble Co.",
      "Skadden, Arps, Slate, Meagher & Flom LLP",
      "Acme Holdings LLC",
      "University of California, Berkeley",
      "University of Oxford",
    ]);
  });

  it("reads a ministry's portfolios listed with commas as one name, and a list of actors as a list", () => {
    expect(
      extractActors(
        [
          "The Ministry of Trade, Industry and Energy and the Department of Health, Education, and Welfare met.",
          "The Department for Environment, Food and Rural Affairs agreed.",
          "Then the Department of Commerce, Nvidia and AMD spoke.",
        ],
        [],
        [],
      ),
    ).toEqual([
      "Ministry of Trade, Industry and Energy",
      "Department of Health, Education, and Welfare",
      "Department for Environment, Food and Rural Affairs",
      "Department of Commerce",
    ]);
  });

  it("keeps a given name written with a hyphen and a lower-case second part", () => {
    expect(extractActors(["Minister Ahn Duk-geun said so."], [], [])).toEqual(["Ahn Duk-geun"]);
  });

  it("takes no law for an actor, defined with an acronym or not", () => {
    expect(
      extractActors(
        [
          "The Digital Services Act (DSA) and the General Data Protection Regulation (GDPR) apply.",
          "Under the AI Act, the Artificial Intelligence Act Council met; the AI Office and Mistral AI spoke.",
        ],
        [],
        [],
      ),
    ).toEqual(["AI Office", "Mistral AI"]);
    expect(extractActors(["President Bill Clinton and Senator Bill Cassidy met."], [], [])).toEqual([
      "Bill Clinton",
      "Bill Cassidy",
    ]);
  });

  it("names each actor once across texts, in order of first appearance", () => {
    expect(
      extractActors(["Anthropic and the BIS met.", "The White House and Anthropic spoke."], REGISTRY, []),
    ).toEqual(["Anthropic", "Bureau of Industry and Security", "Trump administration"]);
  });
});

describe("kind guesses", () => {
  it("reads the kind from the organisation word", () => {
    expect([guessKind("Census Bureau"), guessKind("Trump Administration"), guessKind("Acme Inc.")]).toEqual([
      "agency",
      "government",
      "company",
    ]);
  });

  it("says other when the name gives nothing away", () => {
    expect(guessKind("Sophont")).toBe("other");
  });
});
