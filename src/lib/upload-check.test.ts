// The browser-side check of chosen files: the same order of reasons as the
// server (empty, over the per-file limit, over what is left of the quota),
// and a batch counted in order against the remaining quota.
import { describe, expect, it } from "vitest";
import { checkUploads, remainingOf } from "./upload-check";

const MB = 1024 * 1024;

describe("checkUploads", () => {
  it("refuses an empty file and one over the per-file limit, whatever the quota", () => {
    expect(checkUploads([0, 20 * MB + 1, 20 * MB], 20 * MB, null)).toEqual(["fileEmpty", "fileTooLarge", null]);
    expect(checkUploads([0, 20 * MB + 1], 20 * MB, 0)).toEqual(["fileEmpty", "fileTooLarge"]);
  });

  it("refuses a single file over the remaining quota, and accepts one that fills it exactly", () => {
    expect(checkUploads([5 * MB + 1], 20 * MB, 5 * MB)).toEqual(["quotaExceeded"]);
    expect(checkUploads([5 * MB], 20 * MB, 5 * MB)).toEqual([null]);
  });

  it("counts a batch in order: the files that fit go, each one that would pass the quota is refused", () => {
    // 10 MB left: 4 + 4 fit, the next 4 would pass it, the 2 after still fits, then nothing does.
    expect(checkUploads([4 * MB, 4 * MB, 4 * MB, 2 * MB, 1], 20 * MB, 10 * MB)).toEqual([null, null, "quotaExceeded", null, "quotaExceeded"]);
  });

  it("a refused file does not use up quota; without a known quota only the per-file rules apply", () => {
    expect(checkUploads([0, 30 * MB, 10 * MB], 20 * MB, 10 * MB)).toEqual(["fileEmpty", "fileTooLarge", null]);
    expect(checkUploads([19 * MB, 19 * MB, 19 * MB], 20 * MB, null)).toEqual([null, null, null]);
  });
});

describe("remainingOf", () => {
  it("is what is left of the quota, never below zero (a quota lowered under the usage)", () => {
    expect(remainingOf({ usedBytes: 3 * MB, quotaBytes: 10 * MB })).toBe(7 * MB);
    expect(remainingOf({ usedBytes: 12 * MB, quotaBytes: 10 * MB })).toBe(0);
  });
});
