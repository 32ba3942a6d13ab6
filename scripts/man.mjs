// Writes dist/signaldesk.1 from the built program's own help text (`--help` and each command's),
// so the man page never says anything the help does not.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const bin = new URL("../dist/signaldesk.js", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const help = (...args) =>
  execFileSync(process.execPath, [bin.pathname, ...args, "--help"], { encoding: "utf8" });

/** roff-safe text: backslashes and hyphens escaped, lines starting with . or ' protected. */
const roff = (text) =>
  text
    .replaceAll("\\", "\\e")
    .replaceAll("-", "\\-")
    .split("\n")
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join("\n");

const main = help();
const [nameLine, ...rest] = main.split("\n");
const commands = ["list", "print", "timeline", "actors", "glossary", "check", "keys", "config", "completion"];
const page = [
  `.TH SIGNALDESK 1 "" "signaldesk ${pkg.version}" "User Commands"`,
  ".SH NAME",
  roff(nameLine),
  ".SH SYNOPSIS",
  ".nf",
  roff(rest.join("\n").trim()),
  ".fi",
  ".SH COMMANDS",
  ...commands.flatMap((c) => [
    `.SS ${c}`,
    ".nf",
    // Each command's help ends with the global options, already in the synopsis.
    roff(help(c).split("\nGlobal options:")[0].trim()),
    ".fi",
  ]),
  ".SH SEE ALSO",
  "less(1), the README of the package",
  "",
];
writeFileSync(new URL("../dist/signaldesk.1", import.meta.url), page.join("\n"));
