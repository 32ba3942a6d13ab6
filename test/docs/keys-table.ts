// The README's key table is written from the keymap; this builds the same table so a test can
// prove the two never drift.
import { COMMANDS, HELP_SECTIONS } from "../../src/tui/keymap.js";

export function keysTable(): string {
  const rows = ["| Keys | Where | What |", "| --- | --- | --- |"];
  for (const section of HELP_SECTIONS) {
    for (const c of COMMANDS) {
      if (!section.scopes.includes(c.scope)) continue;
      const keys = c.keys.map((k) => `\`${k.label}\``).join(", ");
      rows.push(`| ${keys} | ${section.title} | ${c.help.replaceAll("|", "\\|")} |`);
    }
  }
  return rows.join("\n");
}
