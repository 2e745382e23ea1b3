// The user's avatar image when they uploaded one, else their initial on a
// colour derived from their id.
const COLORS = ["bg-amber-500", "bg-sky-500", "bg-emerald-500", "bg-rose-500", "bg-violet-500", "bg-teal-500", "bg-orange-500", "bg-indigo-500"];

export function Avatar({ user, size = "md" }: { user: { id: number; displayName: string; avatarUrl?: string | null }; size?: "sm" | "md" | "lg" }) {
  const dims = size === "lg" ? "h-20 w-20 text-3xl" : size === "sm" ? "h-8 w-8 text-sm" : "h-10 w-10 text-base";
  if (user.avatarUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route, already a small square WebP
    return <img src={user.avatarUrl} alt="" aria-hidden className={`${dims} shrink-0 rounded-full bg-stone-200 object-cover ring-2 ring-white`} data-testid="avatar-image" />;
  }
  const initial = [...user.displayName.trim()][0]?.toUpperCase() ?? "?";
  return (
    <span aria-hidden className={`${dims} ${COLORS[user.id % COLORS.length]} inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white`}>
      {initial}
    </span>
  );
}
