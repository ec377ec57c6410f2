/**
 * Which pack entries apply to a person's situation. A plan left unknown keeps the entries of
 * both plans, so the documents cover either case.
 */
import type { Channel, Plan } from "../details/types.js";
import type { Condition } from "./types.js";

export interface Situation {
  plan?: Plan;
  channel: Channel;
}

export function applies(when: Condition | undefined, situation: Situation): boolean {
  if (!when) return true;
  if (when.plan && situation.plan && !when.plan.includes(situation.plan)) return false;
  if (when.channel && !when.channel.includes(situation.channel)) return false;
  return true;
}

export function selectEntries<T extends { when?: Condition }>(entries: readonly T[], situation: Situation): T[] {
  return entries.filter((entry) => applies(entry.when, situation));
}
