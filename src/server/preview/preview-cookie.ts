// The preview choice lives in a cookie (not the URL) because the space's
// layout, its pages and the JSON routes they page through must all apply it,
// and a layout cannot read search params. Format: "<ownerId>.<as>[.<groupId>]".
import type { PreviewAs } from "@/server/privacy/preview";

export const PREVIEW_COOKIE = "kj_view_as";

export function encodePreview(ownerId: number, p: PreviewAs): string {
  return p.as === "group" ? `${ownerId}.group.${p.groupId}` : `${ownerId}.${p.as}`;
}

export function decodePreview(value: string | undefined): { ownerId: number; preview: PreviewAs } | null {
  const m = /^(\d+)\.(stranger|friend|group)(?:\.(\d+))?$/.exec(value ?? "");
  if (!m) return null;
  const ownerId = Number(m[1]);
  if (m[2] === "group") return m[3] ? { ownerId, preview: { as: "group", groupId: Number(m[3]) } } : null;
  return { ownerId, preview: { as: m[2] as "stranger" | "friend" } };
}
