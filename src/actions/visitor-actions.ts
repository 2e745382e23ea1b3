"use server";
import { listVisitors } from "@/server/visitors/list-visitors";
import { setFootprints } from "@/server/visitors/set-footprints";
import { footprintsSchema, moreVisitorsSchema } from "@/lib/validation/visitors";
import { authedAction } from "./action-client";

export const setFootprintsAction = authedAction(footprintsSchema, setFootprints);

/** The next page of the viewer's own visitors (there is no way to ask for someone else's). */
export const moreVisitorsAction = authedAction(moreVisitorsSchema, (viewer, input) => listVisitors(viewer, { ownerId: viewer.id, before: input.before }));
