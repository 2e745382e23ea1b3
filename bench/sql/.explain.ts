import pg from "pg";
import { inboxPageStatement, pullStatement } from "./app-sql";
async function main() {
  const [db, uid, which, beforeArg] = process.argv.slice(2);
  const c = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${db}` });
  await c.connect();
  const before = Number(beforeArg ?? 2147483647);
  const st = which === "inbox" ? inboxPageStatement(Number(uid), before, 21) : pullStatement(Number(uid), { before, limit: 21, sources: which as "hot" });
  await c.query("SET plan_cache_mode = force_custom_plan");
  await c.query({ name: "x", text: "EXPLAIN (ANALYZE, BUFFERS) " + st.text, values: st.values }).then(r => console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n")));
  await c.end();
}
main();
