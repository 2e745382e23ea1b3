"use server";
import { reportItem, reportUser } from "@/server/reports/report";
import { dismissReport, removeReportedItem } from "@/server/reports/resolve-report";
import { reportItemSchema, reportRefSchema, reportUserSchema } from "@/lib/validation/reports";
import { authedAction } from "./action-client";

export const reportItemAction = authedAction(reportItemSchema, reportItem);
export const reportUserAction = authedAction(reportUserSchema, reportUser);
// Admins only: the use-cases answer not_found to anyone else.
export const dismissReportAction = authedAction(reportRefSchema, dismissReport);
export const removeReportedItemAction = authedAction(reportRefSchema, removeReportedItem);
