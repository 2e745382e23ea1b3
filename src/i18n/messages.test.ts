import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("every locale has exactly the same keys, none empty", async () => {
    const [zh, en] = await Promise.all(LOCALES.map((l) => loadMessages(l)));
    const zhKeys = keys(zh).sort();
    expect(zhKeys).toEqual(keys(en).sort());
    for (const loc of [zh, en]) {
      for (const k of keys(loc)) {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], loc);
        expect(typeof v === "string" && v.trim().length > 0, k).toBe(true);
      }
    }
  });
});
