import { MopsError } from '../errors/index.js';

/** The model named by MOPS_MODEL, or an error saying what to set (no AI SDK import here). */
export function requireModelName(env: NodeJS.ProcessEnv): string {
  const model = env.MOPS_MODEL?.trim();
  if (!model) {
    throw new MopsError(
      'INVALID_INPUT',
      'The openai executor needs a model: set MOPS_MODEL (e.g. MOPS_MODEL=gpt-4o-mini), and OPENAI_BASE_URL for a local server such as Ollama (http://localhost:11434/v1).',
    );
  }
  return model;
}
