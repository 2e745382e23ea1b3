// The audience values, shared by forms (client) and the privacy module (server).
// CUSTOM = chosen friend groups and/or chosen friends (好友分组 / 指定好友).
export const AUDIENCES = ["PUBLIC", "FRIENDS", "CUSTOM", "ONLY_ME"] as const;
export type Audience = (typeof AUDIENCES)[number];
