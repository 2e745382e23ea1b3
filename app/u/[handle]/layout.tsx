import { getViewer } from "@/server/auth/viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listBackgroundMusic } from "@/server/music/list-background-music";
import { getSpace } from "@/server/users/get-space";
import { SpaceHeader } from "@/components/layout/space-header";
import { BackgroundMusic } from "@/components/music/background-music";
import { recordVisitAfterResponse } from "@/server/visitors/record-visit";
import { VisitorsPanel } from "@/components/visitors/visitors-panel";

type Props = { params: Promise<{ handle: string }>; children: React.ReactNode };

/**
 * Every page of a space shares this layout: the header with its tabs, and the
 * background-music player. Next keeps a layout mounted across client
 * navigations inside it, which is what lets the music play on while a visitor
 * moves from tab to tab.
 */
export default async function SpaceLayout({ params, children }: Props) {
  const { handle } = await params;
  const viewer = await getViewer();
  const space = await orNotFound(getSpace(viewer, handle));
  const music = await listBackgroundMusic(viewer, { ownerId: space.owner.id, access: space.access });
  // A signed-in visit is recorded after the response is sent (never slows the page).
  await recordVisitAfterResponse(viewer, space.owner.id);
  return (
    <>
      <SpaceHeader space={space} signedIn={Boolean(viewer)} />
      {music.length > 0 && <BackgroundMusic tracks={music} ownerName={space.owner.displayName} />}
      {space.relation === "owner" && <VisitorsPanel viewer={viewer} ownerId={space.owner.id} />}
      {children}
    </>
  );
}
