"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { FriendView, GroupView } from "@/server/groups/group-types";
import { EmptyState } from "@/components/ui/empty-state";
import { GroupCard } from "./group-card";
import { NewGroupForm } from "./new-group-form";

const byName = (a: GroupView, b: GroupView) => a.name.localeCompare(b.name) || a.id - b.id;

/**
 * The groups page's state: the list of groups, kept from what each action
 * returns (the changed group as the server now has it), so the page never
 * needs a reload and never shows a change the server refused.
 */
export function GroupsManager({ initialGroups, friends }: { initialGroups: GroupView[]; friends: FriendView[] }) {
  const t = useTranslations("groups");
  const [groups, setGroups] = useState(initialGroups);
  const put = (g: GroupView) => setGroups((list) => [...list.filter((x) => x.id !== g.id), g].sort(byName));
  const drop = (id: number) => setGroups((list) => list.filter((x) => x.id !== id));
  return (
    <div className="space-y-4">
      <NewGroupForm onCreated={put} />
      {groups.length === 0 ? (
        <EmptyState testId="groups-empty">
          <p>{t("empty")}</p>
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("listLabel")}>
          {groups.map((g) => (
            <GroupCard key={g.id} group={g} friends={friends} onChanged={put} onDeleted={drop} />
          ))}
        </ul>
      )}
    </div>
  );
}
