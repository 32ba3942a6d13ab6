// `signaldesk keys`: every command of the reader with its name (what the config rebinds), its keys
// (the config's, when it rebinds them) and its help.
import { DEFAULT_KEYMAP } from "../../tui/keymap.js";
import { type CommandContext, EXIT, writeRecords } from "../context.js";
import { createStyle } from "../style.js";

export function keysCommand(ctx: CommandContext): number {
  const keymap = ctx.config?.config.keymap ?? DEFAULT_KEYMAP;
  const rows = keymap.commands.map((c) => [c.id, c.keys.map((k) => k.label).join(" "), c.help]);
  if (ctx.tabular) {
    writeRecords(ctx, rows);
    return EXIT.ok;
  }
  const style = createStyle(ctx.color);
  const nameWidth = Math.max(...rows.map((r) => r[0]!.length));
  const keysWidth = Math.max(...rows.map((r) => [...r[1]!].length));
  const lines = rows.map(
    ([name, keys, help]) =>
      `${style.bold(name!.padEnd(nameWidth))}  ${style.accent(keys!)}${" ".repeat(keysWidth - [...keys!].length)}  ${help}`,
  );
  ctx.out.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
