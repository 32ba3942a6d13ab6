import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { keysTable } from "./keys-table.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("lists every key of the keymap, exactly as the help overlay does", () => {
    expect(readme).toContain(keysTable());
  });

  it("has a quick start of exactly two commands", () => {
    const quick = readme.split(/^## /m).find((s) => s.startsWith("Quick start")) ?? "";
    const commands = [...quick.matchAll(/^```(?:sh|bash|shell)?\n([\s\S]*?)```/gm)].flatMap((m) =>
      m[1]!.split("\n").filter((l) => l.trim() !== ""),
    );
    expect(commands).toEqual(["npm install && npm start", "npm test"]);
  });
});
