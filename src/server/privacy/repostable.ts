// Pure (no database, no server-only): the presenters use it for the Repost
// button, the repost use-case to refuse, so both say the same.
import { canView, effectiveAudience, type AudienceOf, type ItemState } from "./audience";

/**
 * May the item be reposted? Only if everyone may see it, signed in or not
 * (a repost can never widen its audience): derived from the rule table.
 */
export function isRepostable(item: AudienceOf & { state?: ItemState }): boolean {
  return canView("anonymous", { ...item, audience: effectiveAudience(item.audience, item.state) });
}
