import { Fragment } from "react";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listBackgroundMusic } from "@/server/music/list-background-music";
import { getSpace } from "@/server/users/get-space";
import { SpaceHeader } from "@/components/layout/space-header";
import { BackgroundMusic } from "@/components/music/background-music";
import { recordVisitAfterResponse } from "@/server/visitors/record-visit";
import { VisitorsPanel } from "@/components/visitors/visitors-panel";
import { previewChoices } from "@/server/preview/choose-preview";
import { PreviewBanner } from "@/components/preview/preview-banner";
import { ViewAsMenu } from "@/components/preview/view-as-menu";

type Props = { params: Promise<{ handle: string }>; children: React.ReactNode };

/**
 * Every page of a space shares this layout: the header with its tabs, and the
 * background-music player. Next keeps a layout mounted across client
 * navigations inside it, which is what lets the music play on while a visitor
 * moves from tab to tab.
 */
export default async function SpaceLayout({ params, children }: Props) {
  const { handle } = await params;
  const { viewer, real, preview } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const music = await listBackgroundMusic(viewer, { ownerId: space.owner.id, access: space.access });
  // A signed-in visit is recorded after the response is sent (never slows the page).
  await recordVisitAfterResponse(real, space.owner.id);
  const isOwner = space.relation === "owner";
  const groups = isOwner && real ? await previewChoices(real) : [];
  return (
    <>
      {preview && <PreviewBanner preview={preview.as === "group" ? { as: "group", groupName: preview.groupName ?? "" } : preview} />}
      <SpaceHeader space={space} signedIn={Boolean(viewer) && !preview} ownerTools={isOwner ? <ViewAsMenu groups={groups} /> : null} />
      {music.length > 0 && <BackgroundMusic tracks={music} ownerName={space.owner.displayName} />}
      {isOwner && <VisitorsPanel viewer={viewer} ownerId={space.owner.id} />}
      {/* Client lists keep their loaded items across a refresh; a new key makes them start over with the preview's. */}
      <Fragment key={preview ? `as-${preview.as}-${preview.as === "group" ? preview.groupId : ""}` : "self"}>{children}</Fragment>
    </>
  );
}
