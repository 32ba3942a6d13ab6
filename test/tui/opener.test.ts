import { describe, expect, it } from "vitest";
import { parseMouse } from "../../src/tui/mouse.js";
import { openerCommand } from "../../src/tui/opener.js";

describe("the link opener", () => {
  it("uses $BROWSER as the user wrote it (its first entry), else the platform's opener", () => {
    expect(openerCommand("firefox --new-tab", "linux")).toEqual(["firefox", "--new-tab"]);
    expect(openerCommand("w3m:lynx", "linux")).toEqual(["w3m"]);
    expect(openerCommand(null, "linux")).toEqual(["xdg-open"]);
    expect(openerCommand("", "darwin")).toEqual(["open"]);
  });
});

describe("SGR mouse reports", () => {
  it("reads clicks and the wheel at 0-based cells, and ignores releases, drags and other buttons", () => {
    expect(parseMouse("\x1b[<0;11;4M")).toEqual({ kind: "click", x: 10, y: 3 });
    expect(parseMouse("\x1b[<64;1;1M")).toEqual({ kind: "wheelUp", x: 0, y: 0 });
    expect(parseMouse("\x1b[<65;5;9M")).toEqual({ kind: "wheelDown", x: 4, y: 8 });
    expect(parseMouse("\x1b[<69;5;9M")).toEqual({ kind: "wheelDown", x: 4, y: 8 });
    expect(parseMouse("\x1b[<0;11;4m")).toBeNull();
    expect(parseMouse("\x1b[<32;11;4M")).toBeNull();
    expect(parseMouse("\x1b[<2;11;4M")).toBeNull();
    expect(parseMouse("\x1b[<0;0;4M")).toBeNull();
    expect(parseMouse("\x1b[A")).toBeNull();
  });
});
