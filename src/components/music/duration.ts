/** 125000 -> "2:05", 3725000 -> "1:02:05": how players show a length. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** ISO 8601 duration for <time dateTime>. */
export const isoDuration = (ms: number) => `PT${Math.max(0, Math.round(ms / 1000))}S`;
