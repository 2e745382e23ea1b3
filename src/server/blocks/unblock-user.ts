import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { BlockRefInput } from "@/lib/validation/blocks";

/**
 * Lifts the viewer's own block on `userId` (never one the other person made).
 * Nothing that the block ended comes back: no friendship, follow or group.
 * Idempotent: unblocking someone not blocked changes nothing.
 */
export async function unblockUser(viewer: SignedInViewer, input: BlockRefInput): Promise<{ blocked: false }> {
  await db.block.deleteMany({ where: { blockerId: viewer.id, blockedId: input.userId } });
  return { blocked: false };
}
