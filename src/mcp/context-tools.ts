import { readFile, writeFile } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  CONTEXT_SECTIONS,
  ContextReportSchema,
  SectionIdSchema,
  checkContext,
  listContexts,
  loadContext,
  scoreContext,
  type ContextCheck,
  type ContextReport,
  type MarketingContext,
} from '../context/index.js';
import { MopsError } from '../errors/index.js';
import { appendContextSections } from './append-context-sections.js';
import { elicitContextSections, type ElicitationStatus } from './elicit-context-sections.js';
import { contextNameField, playbookIdField } from './input-fields.js';
import type { McpServices } from './mcp-services.js';
import { describeError, guarded, toolSuccess } from './tool-result.js';

const MARK = { complete: '✔', thin: '~', missing: '✖' } as const;

const checkOutput = {
  report: ContextReportSchema.describe('Completeness of every section: missing, thin or complete, with what would complete it'),
  playbook_check: z
    .object({
      playbook: z.string(),
      ok: z.boolean().describe('True when the context meets what the playbook needs'),
      blocking: z.array(
        z.object({ section: SectionIdSchema, status: z.string(), needed: z.string(), problems: z.array(z.string()) }),
      ),
    })
    .optional()
    .describe('Present when a playbook was named: whether its campaign can start with this context'),
  elicitation: z
    .object({
      status: z.enum(['accepted', 'declined', 'cancelled', 'unsupported', 'not-needed', 'skipped']),
      written: z.array(SectionIdSchema).describe('Sections added to the context file from the user\'s answers'),
    })
    .describe('Whether the user was asked for the missing sections and what was written'),
  uri: z.string().describe('Resource with the context document'),
};

function formatReport(report: ContextReport, check: Pick<ContextCheck, 'ok' | 'blocking'> | undefined, playbook: string | undefined, written: string[]): string {
  const lines = [`Context **${report.name}**: ${report.readiness} (score ${Math.round(report.score * 100)}%)`];
  if (written.length > 0) lines.push(`Added from the user's answers: ${written.join(', ')}.`);
  for (const section of report.sections) {
    const why = section.problems.length ? ` - ${section.problems.join('; ')}` : '';
    lines.push(`${MARK[section.status]} ${section.heading}: ${section.status}${why}`);
  }
  if (check && playbook) {
    lines.push(
      check.ok
        ? `Ready for playbook ${playbook}.`
        : `Not ready for playbook ${playbook}: ${check.blocking.map((b) => `${b.section} is ${b.status}, needs ${b.needed}`).join('; ')}.`,
    );
  }
  return lines.join('\n');
}

/** `check_context` and `list_contexts`. */
export function registerContextTools(server: McpServer, deps: McpServices): void {
  const load = (name: string | undefined): Promise<MarketingContext> =>
    loadContext(name, { contextDir: deps.paths.contextDir, env: deps.env, cwd: deps.cwd });

  server.registerTool(
    'list_contexts',
    {
      title: 'List marketing contexts',
      description:
        'Lists the marketing context documents (one per company or client) with their readiness and completeness score. Use it to find the context name to pass to check_context, run_skill or start_campaign when there are several clients.',
      inputSchema: {},
      outputSchema: {
        contexts: z.array(
          z.object({
            name: z.string(),
            company: z.string().optional(),
            readiness: z.enum(['not-ready', 'partial', 'ready']),
            score: z.number(),
            uri: z.string(),
            problem: z.string().optional().describe('Why the file could not be read, when it could not'),
          }),
        ),
        default: z.string().optional().describe('The context used when none is named (MOPS_CONTEXT, or the only one)'),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async () => {
      const names = await listContexts(deps.paths.contextDir);
      const contexts = await Promise.all(
        names.map(async (name) => {
          const uri = `context://${name}`;
          try {
            const context = await load(name);
            const report = scoreContext(context);
            return { name, ...(context.company && { company: context.company }), readiness: report.readiness, score: report.score, uri };
          } catch (error) {
            // One broken file should not hide the others.
            return { name, readiness: 'not-ready' as const, score: 0, uri, problem: describeError(error) };
          }
        }),
      );
      const fallback = deps.env.MOPS_CONTEXT ?? (names.length === 1 ? names[0] : undefined);
      const text = contexts.length
        ? contexts
            .map((c) => `- **${c.name}**${'company' in c && c.company ? ` (${c.company})` : ''}: ${'problem' in c ? c.problem : `${c.readiness}, ${Math.round(c.score * 100)}%`}`)
            .join('\n')
        : `No marketing contexts in ${deps.paths.contextDir}. Copy context/_template.md to context/<client>.md and fill it in, or run the marketing-context skill.`;
      return toolSuccess({ contexts, ...(fallback && { default: fallback }) }, text);
    }),
  );

  server.registerTool(
    'check_context',
    {
      title: 'Check the marketing context',
      description:
        'Scores a marketing context document section by section (product, audience, personas, pains, competitors, differentiation, objections, customer language, brand voice, proof points, goals) as missing, thin or complete, and says what each one lacks. Call it before a campaign or when output feels generic. Name a playbook to learn whether its campaign can start. When sections are missing and your client supports forms, the server offers the user a form and adds the answers to the context file only if they accept.',
      inputSchema: {
        context: contextNameField.optional(),
        playbook: playbookIdField.optional().describe('Check against what this playbook needs, e.g. "product-launch"'),
        ask_user: z.boolean().optional().describe('Offer the user a form for missing sections when the client supports it. Default true'),
      },
      outputSchema: checkOutput,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ context: name, playbook: playbookId, ask_user }, extra) => {
      let context = await load(name);
      const requirement = playbookId ? await playbookRequirement(deps, playbookId) : undefined;
      const missingNow = (ctx: MarketingContext): z.infer<typeof SectionIdSchema>[] => {
        const missing = scoreContext(ctx).missing;
        return requirement ? missing.filter((id) => requirement.required_sections.includes(id)) : missing;
      };

      let status: ElicitationStatus = 'skipped';
      const written: z.infer<typeof SectionIdSchema>[] = [];
      if (ask_user !== false) {
        const elicited = await elicitContextSections(server, {
          contextName: context.name,
          missing: missingNow(context),
          relatedRequestId: extra.requestId,
          signal: extra.signal,
        });
        status = elicited.status;
        const answered = CONTEXT_SECTIONS.filter((definition) => elicited.answers[definition.id] !== undefined);
        if (answered.length > 0) {
          const text = await readFile(context.file, 'utf8');
          const sections = answered.map((definition) => ({ heading: definition.heading, body: elicited.answers[definition.id]! }));
          await writeFile(context.file, appendContextSections(text, sections), 'utf8');
          written.push(...answered.map((definition) => definition.id));
          context = await load(context.file);
        }
      }

      const report = scoreContext(context);
      const check = requirement ? checkContext(context, requirement) : requirement === null ? { ok: true, blocking: [] } : undefined;
      const structured = {
        report,
        ...(check && playbookId && { playbook_check: { playbook: playbookId, ok: check.ok, blocking: check.blocking } }),
        elicitation: { status, written },
        uri: `context://${context.name}`,
      };
      return toolSuccess(structured, formatReport(report, check, playbookId, written));
    }),
  );
}

async function playbookRequirement(deps: McpServices, playbookId: string) {
  const { playbooks } = await deps.catalog.get();
  const playbook = playbooks.find((candidate) => candidate.id === playbookId);
  if (!playbook) {
    throw new MopsError('NOT_FOUND', `unknown playbook "${playbookId}"; known playbooks: ${playbooks.map((p) => p.id).join(', ')}`, {
      details: { playbook: playbookId },
    });
  }
  return playbook.context ?? null;
}
