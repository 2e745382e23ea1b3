/** A track of a space's background music, as the mini-player needs it. */
export type BackgroundTrack = { id: string; title: string; artist: string; src: string; mime: string; cover: string | null; durationMs: number | null };
