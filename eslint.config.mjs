import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "bench/results/**", "node_modules/**", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // next.config.js is CommonJS (the package is not "type": "module").
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The layering rule: routes and components never reach the database
    // directly; they call use-cases in src/server, which apply the policy.
    files: ["app/**", "src/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/generated/*", "**/generated/prisma*", "@prisma/*"], message: "No Prisma in app/ or components: call a use-case in src/server." },
            { group: ["@/server/db", "@/server/db/*"], message: "No database access in app/ or components: call a use-case in src/server." },
          ],
        },
      ],
    },
  },
];

export default config;
