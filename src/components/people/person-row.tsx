import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";

export type Person = { id: number; handle: string; displayName: string; bio?: string; avatarUrl?: string | null };

export function PersonRow({ person, children }: { person: Person; children?: React.ReactNode }) {
  return (
    <li className="flex items-center gap-3 py-3">
      <Avatar user={person} />
      <div className="min-w-0 flex-1">
        <Link href={`/u/${person.handle}`} className="font-medium text-stone-900 hover:underline">
          {person.displayName}
        </Link>
        <div className="truncate text-sm text-stone-500">
          @{person.handle}
          {person.bio ? ` · ${person.bio}` : ""}
        </div>
      </div>
      {children}
    </li>
  );
}
