// Pure helpers: splitting user text into text and http(s) links, picking the
// locale from Accept-Language, and validating time zone names.
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, isLocale, isTimeZone, negotiateLocale } from "@/i18n/config";
import { linkifySegments, type Segment } from "./linkify";

const joined = (segments: Segment[]) => segments.map((s) => s.text).join("");
const links = (segments: Segment[]) => segments.filter((s) => s.kind === "link");

describe("linkifySegments", () => {
  it("turns http and https URLs into links, keeping the text around them exactly", () => {
    const input = "see https://example.com/a?b=1#c, then http://x.cn.";
    const segments = linkifySegments(input);
    expect(segments).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.com/a?b=1#c", href: "https://example.com/a?b=1#c" },
      { kind: "text", text: ", then " },
      { kind: "link", text: "http://x.cn", href: "http://x.cn" },
      { kind: "text", text: "." },
    ]);
    expect(joined(segments)).toBe(input);
  });

  it("handles links at the very start and end, Chinese punctuation and paths", () => {
    expect(linkifySegments("https://example.com")).toEqual([{ kind: "link", text: "https://example.com", href: "https://example.com" }]);
    const input = "看，https://example.com/路径。\n（http://example.org）";
    const segments = linkifySegments(input);
    expect(links(segments).map((s) => s.text)).toEqual(["https://example.com/路径", "http://example.org"]);
    expect(joined(segments)).toBe(input);
  });

  it("returns plain text untouched (and nothing for an empty string)", () => {
    expect(linkifySegments("你好，世界  \n  second line")).toEqual([{ kind: "text", text: "你好，世界  \n  second line" }]);
    expect(linkifySegments("")).toEqual([]);
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)", "mailto:someone@example.com", "ftp://example.com/file", "data:text/html,<b>x</b>"])(
    "keeps %j as text",
    (input) => {
      expect(linkifySegments(input)).toEqual([{ kind: "text", text: input }]);
    },
  );

  it("keeps a mailto: before a real link as text, and still links the real one", () => {
    const input = "mail mailto:a@example.com or visit https://example.com";
    const segments = linkifySegments(input);
    expect(links(segments)).toEqual([{ kind: "link", text: "https://example.com", href: "https://example.com" }]);
    expect(segments[0]).toEqual({ kind: "text", text: "mail mailto:a@example.com or visit " });
    expect(joined(segments)).toBe(input);
  });

  it("keeps HTML as text: only the URL inside becomes a link", () => {
    const script = "<script>alert(1)</script>";
    expect(linkifySegments(script)).toEqual([{ kind: "text", text: script }]);
    const anchor = '<a href="https://evil.example" onclick="x()">click</a>';
    const segments = linkifySegments(anchor);
    expect(links(segments)).toEqual([{ kind: "link", text: "https://evil.example", href: "https://evil.example" }]);
    expect(joined(segments)).toBe(anchor);
    for (const s of segments) if (s.kind === "link") expect(s.href).toMatch(/^https?:\/\//i);
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["en-US,en;q=0.9", "en"],
    ["en", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK", "zh-CN"],
    ["fr", "zh-CN"],
    ["fr;q=1, en;q=0.5", "en"],
    ["en;q=0.5, zh;q=0.8", "zh-CN"],
    ["zh;q=0.5, en;q=0.8", "en"],
    ["en;q=0, zh;q=0.1", "zh-CN"],
    ["zh;q=0, en;q=0.1", "en"],
    ["de, en;q=garbage, fr", "zh-CN"],
    ["EN-gb", "en"],
    ["*", "zh-CN"],
    ["", "zh-CN"],
  ])("%j -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("defaults to zh-CN without a header", () => {
    expect(DEFAULT_LOCALE).toBe("zh-CN");
    expect(negotiateLocale(null)).toBe("zh-CN");
    expect(negotiateLocale(undefined)).toBe("zh-CN");
  });

  it("keeps header order between equal q-values", () => {
    expect(negotiateLocale("en, zh")).toBe("en");
    expect(negotiateLocale("zh, en")).toBe("zh-CN");
  });

  it("isLocale accepts exactly the supported locales", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh-CN")).toBe(true);
    for (const v of ["zh", "en-US", "fr", "", null, 1]) expect(isLocale(v)).toBe(false);
  });
});

describe("isTimeZone", () => {
  it.each(["UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Etc/GMT+8"])("accepts %s", (tz) => {
    expect(isTimeZone(tz)).toBe(true);
  });

  it.each(["", "Mars/Olympus", "Asia/Nowhere", "not a zone", `Asia/${"x".repeat(64)}`])("refuses %j", (tz) => {
    expect(isTimeZone(tz)).toBe(false);
  });

  it("refuses non-strings", () => {
    for (const v of [null, undefined, 8, {}, ["UTC"]]) expect(isTimeZone(v)).toBe(false);
  });
});

describe("linkifySegments in Chinese text", () => {
  it("links a URL that follows Chinese characters directly", () => {
    expect(linkifySegments("看这个https://example.com/a 好看")).toEqual([
      { kind: "text", text: "看这个" },
      { kind: "link", text: "https://example.com/a", href: "https://example.com/a" },
      { kind: "text", text: " 好看" },
    ]);
  });
});
