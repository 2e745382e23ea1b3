// The bell and the notifications page are separate client trees (the root
// layout's header stays mounted across navigations): a window event tells
// the bell to re-read its count after rows were marked read.
export const NOTIFICATIONS_CHANGED = "kongjian:notifications-changed";

export function announceNotificationsChanged() {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
