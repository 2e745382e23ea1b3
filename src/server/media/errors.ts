import "server-only";

// Why a file was refused. The caller maps the reason to an i18n message that
// names the file; nothing here knows file names or languages.
export type RejectReason = "empty" | "unsupportedType" | "tooLarge" | "tooManyPixels" | "unreadable";

export class MediaRejected extends Error {
  constructor(readonly reason: RejectReason) {
    super(`media rejected: ${reason}`);
    this.name = "MediaRejected";
  }
}
