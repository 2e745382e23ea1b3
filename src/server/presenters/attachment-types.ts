// The wire shapes of each kind's rich content (no server imports: components
// import these types). URLs point at the media route, which checks privacy.

/** One stored image (or a video/audio file) as components need it. */
export type MediaView = {
  id: number;
  status: "PROCESSING" | "READY" | "FAILED";
  /** i18n key under "errors" when FAILED (shown to the owner). */
  error: string | null;
  width: number | null;
  height: number | null;
  /** thumbhash (base64), decoded to a blurred placeholder in the browser. */
  placeholder: string | null;
  thumb: string;
  display: string;
  original: string;
};

export type PhotoView = { id: number; caption: string; alt: string; media: MediaView };

export type BlogAttachment = { kind: "blog"; excerpt: string; cover: MediaView | null };
export type DiaryAttachment = { kind: "diary"; date: string; mood: string | null; weather: string | null };
export type PhotosAttachment = { kind: "photos"; album: { id: number; title: string }; count: number; photos: PhotoView[] };
export type MusicAttachment = {
  kind: "music";
  artist: string;
  albumName: string;
  durationMs: number | null;
  src: string;
  mime: string;
  cover: string | null;
  bgm: boolean;
  media: MediaView;
};
export type VideoAttachment = {
  kind: "video";
  durationMs: number | null;
  src: string;
  mime: string;
  poster: string | null;
  media: MediaView;
};

/**
 * What a repost's card embeds of its original. null when the original was
 * deleted OR the viewer may no longer see it: both render the same "original
 * deleted" box, so a hidden original looks exactly like a deleted one.
 */
export type RepostOriginalView = {
  id: string;
  kind: "status" | "blog" | "diary" | "photos" | "music" | "video";
  title: string | null;
  /** The start of its text (status, blog excerpt, diary, description). */
  excerpt: string;
  createdAt: string;
  author: { id: number; handle: string; displayName: string; avatarUrl: string | null };
  /** A small image (blog cover, first photo, song cover, video poster), if it has one. */
  thumb: string | null;
  /** Its album, for a photo batch (its card links there). */
  album: { id: number } | null;
  audience: "PUBLIC" | "FRIENDS" | "CUSTOM" | "ONLY_ME";
  repostCount: number;
  /** May be reposted again from here (privacy isRepostable). */
  repostable: boolean;
};
export type RepostAttachment = { kind: "repost"; original: RepostOriginalView | null };

export type Attachment = BlogAttachment | DiaryAttachment | PhotosAttachment | MusicAttachment | VideoAttachment | RepostAttachment;
