// Prisma 7 reads its datasource from here, not from schema.prisma, and does not
// load .env by itself. Run the CLI through scripts/prisma.mjs, which points it
// at our offline schema engine; npm start / npm test set DATABASE_URL (the
// embedded Postgres when unset), otherwise the default below applies.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/kongjian",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
