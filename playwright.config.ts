import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright cannot download its own
// here) against `next start` on a test database. scripts/test.mjs provides
// DATABASE_URL, builds the app and sets E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]] : [["list"]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      // Uploads go to a scratch folder, not the developer's .data/media.
      MEDIA_DIR: process.env.E2E_MEDIA_DIR ?? mkdtempSync(path.join(tmpdir(), "kj-e2e-media-")),
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production",
      // Every browser test comes from 127.0.0.1: lift the per-IP budget,
      // keep the per-account one (which the rate-limit test asserts).
      AUTH_RATE_LIMIT_IP_POINTS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
