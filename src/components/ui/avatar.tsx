// Initials on a colour derived from the user id, until avatars arrive.
const COLORS = ["bg-amber-500", "bg-sky-500", "bg-emerald-500", "bg-rose-500", "bg-violet-500", "bg-teal-500", "bg-orange-500", "bg-indigo-500"];

export function Avatar({ user, size = "md" }: { user: { id: number; displayName: string }; size?: "sm" | "md" | "lg" }) {
  const initial = [...user.displayName.trim()][0]?.toUpperCase() ?? "?";
  const dims = size === "lg" ? "h-20 w-20 text-3xl" : size === "sm" ? "h-8 w-8 text-sm" : "h-10 w-10 text-base";
  return (
    <span aria-hidden className={`${dims} ${COLORS[user.id % COLORS.length]} inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white`}>
      {initial}
    </span>
  );
}
