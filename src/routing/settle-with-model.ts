import { generateText, Output, type LanguageModel } from 'ai';
import { requireModelName } from '../executors/model-env.js';
import type { RouteResult } from './route-result.js';
import type { Router } from './router.js';
import { summary } from './explain-route.js';

export interface SettleOptions {
  /** The model to ask; defaults to the OpenAI-compatible model named by MOPS_MODEL. */
  model?: LanguageModel;
  env?: NodeJS.ProcessEnv;
  /** Only requests below this confidence are sent to the model. */
  below?: number;
  /** How many candidates the model chooses among. */
  candidates?: number;
  abortSignal?: AbortSignal;
}

const NONE = 'none-of-these';

async function modelFromEnv(env: NodeJS.ProcessEnv): Promise<LanguageModel> {
  const modelId = requireModelName(env);
  const { createOpenAI } = await import('@ai-sdk/openai');
  return createOpenAI({ apiKey: env.OPENAI_API_KEY || 'not-needed', ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }) }).chat(modelId);
}

/**
 * Lets a language model settle a low-confidence routing decision by choosing among the
 * offline router's top candidates (or none). Confident answers are returned unchanged,
 * and any model failure falls back to the offline answer with the reason noted.
 */
export async function settleWithModel(
  request: string,
  offline: RouteResult,
  router: Router,
  options: SettleOptions = {},
): Promise<RouteResult> {
  if (offline.confidence >= (options.below ?? 0.6)) return offline;
  const ranked = router.score(request).slice(0, options.candidates ?? 4).filter((s) => s.score > 0);
  if (ranked.length === 0) return offline;
  const candidates = ranked.map((s) => router.index.candidates[s.index]!);
  const model = options.model ?? (await modelFromEnv(options.env ?? process.env));
  const menu = candidates.map((c) => `- ${c.id} (${c.type}): ${summary(c.description)}`).join('\n');
  try {
    const { output } = await generateText({
      model,
      output: Output.choice({ options: [...candidates.map((c) => c.id), NONE] }),
      system:
        'You route marketing requests. Pick the one destination that should handle the request. A playbook is only right when the user wants a whole multi-step campaign. Answer none-of-these when the request is not a marketing task.',
      prompt: `Request: ${request}\n\nDestinations:\n${menu}\n- ${NONE}: not a marketing task`,
      abortSignal: options.abortSignal,
    });
    if (output === NONE) {
      return { ...offline, match: null, confidence: 0.7, reason: `the model judged it out of scope (offline router: ${offline.reason})` };
    }
    const chosen = candidates.find((c) => c.id === output)!;
    const alternatives = offline.alternatives.filter((a) => a.id !== chosen.id);
    return {
      match: { type: chosen.type, id: chosen.id },
      confidence: Math.max(offline.confidence, 0.75),
      alternatives,
      reason: `the model chose ${chosen.id} among ${candidates.map((c) => c.id).join(', ')} (offline router: ${offline.reason})`,
    };
  } catch (error) {
    return { ...offline, reason: `${offline.reason} (model unavailable: ${(error as Error).message.split('\n')[0]})` };
  }
}
