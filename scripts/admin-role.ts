// The worker half of `npm run admin` (scripts/admin.mjs resolves the database
// and runs this with DATABASE_URL set): grant or revoke the admin role through
// the use-case. Run with the react-server condition so `import "server-only"`
// loads outside Next.
import { setRoleByHandle } from "../src/server/users/set-role";
import { db } from "../src/server/db";
import { AppError } from "../src/server/errors";

const [command, handle] = process.argv.slice(2);

async function main(): Promise<number> {
  if ((command !== "grant" && command !== "revoke") || !handle) {
    console.error("usage: npm run admin -- grant|revoke <handle>");
    return 2;
  }
  try {
    const done = await setRoleByHandle(handle, command === "grant" ? "ADMIN" : "USER");
    console.log(command === "grant" ? `@${done.handle} is now an admin (/admin/reports).` : `@${done.handle} is no longer an admin.`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") {
      console.error(`No user with the handle "${handle}".`);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
