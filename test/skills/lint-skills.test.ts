import { describe, expect, it } from 'vitest';
import { parseSkill } from '../../src/skills/index.js';
import { crossCheckSkills } from '../../src/skills/lint-skills.js';

const skillText = (name: string, examples: string[]): string => `---
name: ${name}
description: A skill for testing the cross-checks between skills.
metadata:
  category: content
  triggers: [one, two, three, four, five]
  examples:
${examples.map((e) => `    - "${e}"`).join('\n')}
---
${'Instructions line.\n'.repeat(45)}`;

describe('cross-checks between skills', () => {
  it('warns when one request is an example of two skills', () => {
    const a = parseSkill(skillText('alpha', ['Write our spring newsletter', 'plan the next quarter']), { file: 'skills/alpha/SKILL.md', folderName: 'alpha' });
    const b = parseSkill(skillText('beta', ['write our  SPRING newsletter', 'read last month results']), { file: 'skills/beta/SKILL.md', folderName: 'beta' });
    const warnings = crossCheckSkills([a, b]).filter((d) => d.message.startsWith('metadata.examples'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'skills/beta/SKILL.md' });
    expect(warnings[0]!.message).toBe('metadata.examples: "write our  SPRING newsletter" is also an example of alpha; the router learns one answer per request');
  });
});
