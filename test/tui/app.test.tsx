import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/tui/App.js";
import { loadResult } from "./fixtures.js";
import { render, type Rendered } from "./render.js";

const today = new Date(2026, 5, 1);
let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe("App smoke", () => {
  it("draws", async () => {
    app = await render(<App data={loadResult()} initialFilter={{ actors: [], tags: [] }} today={today} color={false} />, { columns: 100, rows: 30 });
    console.log(app.frame());
  });
});
