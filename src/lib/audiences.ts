// The audience values, shared by forms (client) and the privacy module (server).
export const AUDIENCES = ["PUBLIC", "FRIENDS", "ONLY_ME"] as const;
export type Audience = (typeof AUDIENCES)[number];
