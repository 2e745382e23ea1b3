// Prisma 7 reads its datasource from here, not from schema.prisma, and does not
// load .env by itself. scripts/prisma.mjs sets DATABASE_URL (embedded Postgres
// when unset) and points the CLI at our offline schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/kongjian",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
