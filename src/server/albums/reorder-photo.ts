import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { ReorderPhotoInput } from "@/lib/validation/album";
import { lockOwnPhoto } from "./photo-batch";

type Tx = Prisma.TransactionClient;
type Pos = { id: number; position: number };

/** The two photos on one side of `p`, nearest first, in the album's (position, id) order. */
async function neighbours(tx: Tx, albumId: number, p: Pos, side: "earlier" | "later"): Promise<Pos[]> {
  return side === "earlier"
    ? tx.$queryRaw<Pos[]>`SELECT id, position FROM photos WHERE album_id = ${albumId} AND (position, id) < (${p.position}, ${p.id}) ORDER BY position DESC, id DESC LIMIT 2`
    : tx.$queryRaw<Pos[]>`SELECT id, position FROM photos WHERE album_id = ${albumId} AND (position, id) > (${p.position}, ${p.id}) ORDER BY position ASC, id ASC LIMIT 2`;
}

/** Positions 1..n in the current order: makes room when midpoints run out of float precision (or two photos tie). */
async function renumber(tx: Tx, albumId: number) {
  await tx.$executeRaw`
    UPDATE photos ph SET position = o.n
    FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS n FROM photos WHERE album_id = ${albumId}) o
    WHERE ph.id = o.id`;
}

/**
 * Moves a photo one place earlier or later in its album. Only the moved
 * photo's row changes: it takes the midpoint between the neighbour it jumps
 * over and the one after that (positions are floats). At either end it stays.
 * Someone else's photo answers like a missing one.
 */
export async function reorderPhoto(viewer: SignedInViewer, input: ReorderPhotoInput) {
  return db.$transaction(async (tx) => {
    const photo = await lockOwnPhoto(tx, viewer.id, input.photoId);
    // One reorder per album at a time, so two moves never compute from the same neighbours.
    await tx.$executeRaw`SELECT 1 FROM albums WHERE id = ${photo.album_id} FOR UPDATE`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const [self] = await tx.$queryRaw<Pos[]>`SELECT id, position FROM photos WHERE id = ${photo.id}`;
      const [jumped, beyond] = await neighbours(tx, photo.album_id, self!, input.direction);
      if (!jumped) return { photoId: photo.id, moved: false };
      const step = input.direction === "earlier" ? -1 : 1;
      const far = beyond ? beyond.position : jumped.position + step;
      const position = (jumped.position + far) / 2;
      if (position !== jumped.position && position !== far) {
        await tx.photo.update({ where: { id: photo.id }, data: { position } });
        return { photoId: photo.id, moved: true };
      }
      await renumber(tx, photo.album_id);
    }
    throw new Error("reorder: no room after renumbering"); // cannot happen: 1..n leaves room of 0.5
  });
}
