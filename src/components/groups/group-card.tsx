"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { addGroupMembersAction, deleteGroupAction, removeGroupMembersAction, renameGroupAction } from "@/actions/group-actions";
import { GROUP_NAME_MAX } from "@/lib/validation/groups";
import type { ActionResult } from "@/server/http/to-result";
import type { FriendView, GroupView } from "@/server/groups/group-types";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { FriendChecklist } from "./friend-checklist";

type Mode = "view" | "rename" | "add";

/**
 * One group on the groups page: its members (each removable), rename,
 * delete (after a confirm), and "add friends" with a searchable checklist of
 * the friends not in it yet. One action at a time: every control is disabled
 * while one is pending.
 */
export function GroupCard({
  group,
  friends,
  onChanged,
  onDeleted,
}: {
  group: GroupView;
  friends: FriendView[];
  onChanged: (group: GroupView) => void;
  onDeleted: (groupId: number) => void;
}) {
  const t = useTranslations("groups");
  const te = useTranslations("errors");
  const [mode, setMode] = useState<Mode>("view");
  const [name, setName] = useState(group.name);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `group-${group.id}`;
  const outside = friends.filter((f) => !group.members.some((m) => m.id === f.id));

  const run = <T,>(action: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    startTransition(async () => {
      const res = await action();
      if (res.ok) {
        setError(null);
        done(res.data);
      } else setError(te(res.fieldErrors?.name ?? res.fieldErrors?.userIds ?? res.error));
    });

  const changed = (g: GroupView) => {
    onChanged(g);
    setMode("view");
    setPicked([]);
  };

  const rename = (e: React.FormEvent) => {
    e.preventDefault();
    if (!pending) run(() => renameGroupAction({ groupId: group.id, name }), changed);
  };
  const add = () => run(() => addGroupMembersAction({ groupId: group.id, userIds: picked }), changed);
  const remove = (m: FriendView) => run(() => removeGroupMembersAction({ groupId: group.id, userIds: [m.id] }), changed);
  const del = () => {
    if (!window.confirm(t("confirmDelete", { name: group.name }))) return;
    run(() => deleteGroupAction({ groupId: group.id }), () => onDeleted(group.id));
  };
  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
    setName(group.name);
    setPicked([]);
  };

  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="group" aria-labelledby={`${base}-name`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${base}-name`} className="min-w-0 break-words font-semibold text-stone-900">
          {group.name}
        </h2>
        <span className="text-sm text-stone-500">{t("memberCount", { count: group.members.length })}</span>
        <div className="ml-auto flex flex-wrap gap-1">
          <Button variant="ghost" onClick={() => switchTo(mode === "rename" ? "view" : "rename")} aria-expanded={mode === "rename"} disabled={pending}>
            {t("rename")}
          </Button>
          <Button variant="danger" onClick={del} pending={pending && mode === "view"} disabled={pending} aria-label={t("deleteNamed", { name: group.name })}>
            {t("delete")}
          </Button>
        </div>
      </div>

      {mode === "rename" && (
        <form onSubmit={rename} noValidate className="mt-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={`${base}-rename`} className="block text-sm font-medium text-stone-700">
              {t("nameLabel")}
            </label>
            <input
              id={`${base}-rename`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={GROUP_NAME_MAX * 2}
              autoFocus
              className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500"
            />
          </div>
          <Button type="submit" pending={pending}>
            {t("save")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => switchTo("view")} disabled={pending}>
            {t("cancel")}
          </Button>
        </form>
      )}

      {group.members.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">{t("noMembers")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100" aria-label={t("membersOf", { name: group.name })}>
          {group.members.map((m) => (
            <li key={m.id} className="flex items-center gap-3 py-2">
              <Avatar user={m} size="sm" />
              <Link href={`/u/${m.handle}`} className="min-w-0 flex-1 truncate text-sm font-medium text-stone-900 hover:underline">
                {m.displayName}
              </Link>
              <Button variant="ghost" onClick={() => remove(m)} disabled={pending} aria-label={t("removeNamed", { name: m.displayName, group: group.name })}>
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}

      <div className="mt-3">
        {mode !== "add" ? (
          <Button variant="secondary" onClick={() => switchTo("add")} aria-expanded={false} aria-controls={`${base}-add`} disabled={pending}>
            {t("addFriends")}
          </Button>
        ) : (
          <div id={`${base}-add`} className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3">
            <FriendChecklist
              legend={t("addTo", { name: group.name })}
              friends={outside}
              selected={picked}
              onToggle={(id, on) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)))}
              disabled={pending}
              empty={
                friends.length === 0 ? (
                  <>
                    {t("noFriends")}{" "}
                    <Link href="/search" className="text-brand-700 underline">
                      {t("findPeople")}
                    </Link>
                  </>
                ) : (
                  t("everyoneIn")
                )
              }
            />
            <div className="flex flex-wrap gap-2">
              <Button onClick={add} pending={pending} disabled={picked.length === 0}>
                {t("addChosen", { count: picked.length })}
              </Button>
              <Button variant="ghost" onClick={() => switchTo("view")} disabled={pending}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
      </div>

      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
