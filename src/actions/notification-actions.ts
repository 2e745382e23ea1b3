"use server";
import { markAllRead, markRead } from "@/server/notifications/mark-read";
import { markAllReadSchema, markReadSchema } from "@/lib/validation/notifications";
import { authedAction } from "./action-client";

export const markNotificationReadAction = authedAction(markReadSchema, markRead);
export const markAllNotificationsReadAction = authedAction(markAllReadSchema, markAllRead);
