// `signaldesk config`: where the config file is looked for and every setting in effect, as YAML
// that could be saved as that file.
import { Document, isSeq, visit } from "yaml";
import { sanitize } from "../../text/sanitize.js";
import { DEFAULT_KEYMAP } from "../../tui/keymap.js";
import { type CommandContext, EXIT } from "../context.js";

export function configCommand(ctx: CommandContext): number {
  const loaded = ctx.config;
  const config = loaded?.config;
  const keymap = config?.keymap ?? DEFAULT_KEYMAP;
  const path = loaded?.path ?? "";
  const state = loaded?.found ? "" : " (not found: defaults)";
  const keys: Record<string, string[]> = {};
  for (const c of keymap.commands) keys[c.id] = c.keys.map((k) => k.label);
  const settings = {
    dir: ctx.dir,
    width: config?.width ?? "terminal",
    color: config?.color ?? "auto",
    mouse: config?.mouse ?? true,
    pager: ctx.pager ?? false,
    keys,
  };
  const doc = new Document(settings);
  // A command's keys on its own line: `quit: [q, Q]`, as they are written in the file.
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  ctx.out.write(sanitize(`# ${path}${state}\n${doc.toString({ flowCollectionPadding: false })}`));
  return EXIT.ok;
}
