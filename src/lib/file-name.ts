// An uploaded file's name is shown to people ("sunset.jpg was refused") and
// nothing else: it is never part of a path or a storage key. Still, it is
// cleaned so it cannot spoof its extension on screen or inject control codes.

// C0/C1 controls and the bidirectional overrides/isolates (U+202A-202E, U+2066-2069)
// that can make "gpj.exe" display as "exe.jpg".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanFileName(raw: string | null | undefined): string {
  let name = "";
  try {
    name = decodeURIComponent(raw ?? "");
  } catch {
    name = raw ?? "";
  }
  name = name.replace(UNSAFE, "");
  // Only the last path segment, whichever separator the client used.
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(/^\.+/, "").trim();
  return [...name].slice(0, 120).join("") || "file";
}
