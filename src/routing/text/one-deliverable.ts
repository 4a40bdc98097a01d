/**
 * Whether the request says that only one piece of a campaign is wanted from us: "the rest
 * of the launch is handled, all I need is the features page copy", "today I only need
 * one thing: the landing page", "the only piece I'm missing is the ad copy". The campaign
 * words in such a request set the scene; the routing matrix sends it to the skill for
 * that piece, not to the campaign playbook.
 */
const ONE_DELIVERABLE =
  /\b(?:all\s+(?:i|we)\s+need(?:\s+from\s+you)?\s+(?:today\s+)?is|(?:i|we)\s+(?:only|just)\s+need\s+(?:one|1|a\s+single)\s+(?:thing|piece)|the\s+only\s+(?:thing|piece|part|bit)\s+(?:i'?m\s+|we'?re\s+|that'?s\s+)?(?:missing|left|needed|i\s+need|we\s+need)|(?:everything|the\s+rest)(?:\s+of\s+(?:the|our)\s+[\w-]+)?\s+(?:else\s+)?(?:is|'s)\s+(?:already\s+)?(?:done|handled|covered|sorted|taken\s+care\s+of|in\s+place))\b/i;

export function asksForOneDeliverable(text: string): boolean {
  return ONE_DELIVERABLE.test(text);
}
