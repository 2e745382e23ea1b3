import type { SignedInViewer } from "@/server/auth/viewer";
import { blockUser } from "@/server/blocks/block-user";

/** `blocker` blocks `blocked`, through the real use-case (ends friendship, follows, requests, group memberships). */
export async function blockForTest(blocker: SignedInViewer, blocked: { id: number }) {
  await blockUser(blocker, { userId: blocked.id });
}
