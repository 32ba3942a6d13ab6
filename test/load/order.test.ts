// The order a folder's new files are parsed in: oldest first by the dates their paths carry, so the
// top of the timeline (oldest first) is right while the rest load.
import { describe, expect, it } from "vitest";
import { oldestFirst, pathDate } from "../../src/load/order.js";

describe("the date in a path", () => {
  it("is the last, most specific one: in the name, or the folders", () => {
    expect(pathDate("2023/03/2023-03-01-mineral-quota-003931.md")).toBe("2023-03-01");
    expect(pathDate("2024/05/notes.md")).toBe("2024-05");
    expect(pathDate("wire_2022_11_30.txt")).toBe("2022-11-30");
    expect(pathDate("reuters/b-003931.md")).toBeNull();
    // A number that only looks like a year inside a longer one is no date.
    expect(pathDate("b-120231-05.md")).toBeNull();
    expect(pathDate("2024-13-01.md")).toBeNull();
  });
});

describe("oldest first", () => {
  it("orders dated paths by their dates across folders, undated ones after in their own order", () => {
    const paths = [
      "ap/2025-01-02-b.md",
      "notes/z.md",
      "reuters/2021-06-01-a.md",
      "ap/2021-05-30-a.md",
      "notes/a.md",
      "reuters/2025/01/x.md",
    ];
    expect(oldestFirst([...paths], (p) => p)).toEqual([
      "ap/2021-05-30-a.md",
      "reuters/2021-06-01-a.md",
      "reuters/2025/01/x.md",
      "ap/2025-01-02-b.md",
      "notes/z.md",
      "notes/a.md",
    ]);
  });
});
