// Media URLs, built in one place (server presenters and browser code alike).
// The route (app/media/[id]/[variant]) asks the privacy module on every request.
export type Variant = "original" | "display" | "thumb" | "poster" | "cover";

export const mediaUrl = (id: number | string, variant: Variant) => `/media/${id}/${variant}`;

/** The small square avatar image, or null (initials are shown instead). */
export const avatarUrl = (avatarMediaId: number | null | undefined) => (avatarMediaId ? mediaUrl(avatarMediaId, "thumb") : null);
