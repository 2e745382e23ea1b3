// Wire shapes of albums (no server imports: components import these types).
import type { Audience } from "@/lib/audiences";
import type { MediaView, PhotoView } from "@/server/presenters/attachment-types";
import type { ChosenAudience } from "@/server/groups/group-types";

export type { PhotoView };

/** An album as the viewer sees it: its cover and count only include photos they may see. */
export type AlbumView = {
  id: number;
  title: string;
  description: string;
  audience: Audience;
  /** CUSTOM, for its owner only: the chosen groups and friends (null for everyone else). */
  chosen: ChosenAudience | null;
  /** The photo chosen as cover (null: the first photo is the cover). */
  coverPhotoId: number | null;
  cover: MediaView | null;
  count: number;
  owner: { id: number; handle: string; displayName: string };
  /** The viewer owns it: they may edit it, upload into it, and manage its photos. */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
};

/** One of the owner's albums, as a target for "move to album". */
export type AlbumChoice = { id: number; title: string };
