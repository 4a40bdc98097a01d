/**
 * The part of a skill's description that describes the skill itself. Descriptions also
 * name what the skill is not for ("Not for landing page copy (use copywriting)"); those
 * words describe the siblings and would pull the siblings' requests toward this skill.
 * (The instructions keep their "When not to use" sections: there the sibling words sit
 * among many of the skill's own, and removing them measured worse.)
 */
/** A description without its "not for ..." sentences. */
export function ownDescription(description: string): string {
  const sentences = description.split(/(?<=[.!?])\s+/);
  const own = sentences.filter((s) => !/^(?:not\b|it is not\b|don'?t use\b)|\(use [a-z-]+\)|\buse [a-z]+(?:-[a-z]+)+ instead\b/i.test(s.trim()));
  return (own.length > 0 ? own : sentences).join(' ');
}
