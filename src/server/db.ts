import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, databasePoolSize } from "@/server/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: databasePoolSize() });
  return new PrismaClient({
    adapter,
    // The password hash never leaves the data layer unless a use-case asks
    // for it explicitly (sign-in).
    omit: { user: { passwordHash: true } },
  });
}
type Client = ReturnType<typeof createClient>;

// One client per process, created on first use (so `next build` needs no
// database). In development Next re-evaluates modules on every change, so the
// instance is parked on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { kongjianPrisma?: Client };
function client(): Client {
  return (globalForPrisma.kongjianPrisma ??= createClient());
}

export const db = new Proxy({} as Client, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = Client;
