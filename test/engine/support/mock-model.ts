import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { contractOutput, stepIdOf } from './engine-harness.js';

export interface MockCall {
  stepId: string | undefined;
  system: string;
  user: string;
}

/** The system and user text of an AI SDK call. */
export function promptText(options: LanguageModelV3CallOptions): { system: string; user: string } {
  let system = '';
  let user = '';
  for (const message of options.prompt) {
    if (message.role === 'system') system += message.content;
    if (message.role === 'user') {
      for (const part of message.content) if (part.type === 'text') user += part.text;
    }
  }
  return { system, user };
}

/** An AI SDK mock model that answers every step with a contract-compliant deliverable. */
export function contractMockModel(calls: MockCall[] = []): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      const { system, user } = promptText(options);
      const stepId = stepIdOf(user);
      calls.push({ stepId, system, user });
      return {
        content: [{ type: 'text', text: contractOutput(system, stepId) }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 300, noCache: 300, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 80, text: 80, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}
