/**
 * Which pack entries apply to a person's situation. A plan left unknown keeps the entries of
 * both plans, so the documents cover either case.
 */
import type { Channel, Plan } from "../details/types.js";
import type { Condition, When } from "./types.js";

export interface Situation {
  plan?: Plan;
  channel: Channel;
  /** A refund account was given. */
  refund?: boolean;
  /** Leaving New Caledonia (a forwarding address was given, or the leaving flag set). */
  leaving?: boolean;
}

function matches(when: Condition, situation: Situation): boolean {
  if (when.plan && situation.plan && !when.plan.includes(situation.plan)) return false;
  if (when.channel && !when.channel.includes(situation.channel)) return false;
  if (when.refund !== undefined && when.refund !== (situation.refund ?? false)) return false;
  if (when.leaving !== undefined && when.leaving !== (situation.leaving ?? false)) return false;
  return true;
}

/** No condition: always; one condition: all its keys match; a list: any one of them matches. */
export function applies(when: When | undefined, situation: Situation): boolean {
  if (!when) return true;
  return Array.isArray(when) ? when.some((one) => matches(one, situation)) : matches(when, situation);
}

export function selectEntries<T extends { when?: When }>(entries: readonly T[], situation: Situation): T[] {
  return entries.filter((entry) => applies(entry.when, situation));
}
