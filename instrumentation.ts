// Runs once when the Next server starts: the job workers live in the app
// process (one process to run). JOBS_WORKER=off leaves them to another process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL || process.env.JOBS_WORKER === "off") return;
  const { startWorkers } = await import("@/server/jobs/worker");
  await startWorkers();
}
