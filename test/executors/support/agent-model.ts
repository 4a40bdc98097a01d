import type { LanguageModelV3CallOptions, LanguageModelV3Content } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';

/** What the scripted model does on one call: answer, or call tools. */
export type AgentTurn = { text: string } | { calls: { name: string; input: unknown }[] };

/** One model call as the script sees it. */
export interface AgentCall {
  system: string;
  /** Text of every user message, joined (the step prompt first). */
  user: string;
  /** The last user message (on a repair attempt: the repair request). */
  lastUser: string;
  /** Assistant text in the prompt (on a repair attempt: the earlier answer). */
  assistant: string;
  /** Tools offered on this call. */
  tools: string[];
  /** Tool results already in the conversation, in order. */
  results: { name: string; value: unknown }[];
  /** The step id from the `## This step: Name (id)` line. */
  stepId: string | undefined;
}

const usage = {
  inputTokens: { total: 20, noCache: 20, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

export function readCall(options: LanguageModelV3CallOptions): AgentCall {
  let system = '';
  const users: string[] = [];
  let assistant = '';
  const results: AgentCall['results'] = [];
  for (const message of options.prompt) {
    if (message.role === 'system') system += message.content;
    if (message.role === 'user') users.push(message.content.map((part) => (part.type === 'text' ? part.text : '')).join(''));
    if (message.role === 'assistant') for (const part of message.content) if (part.type === 'text') assistant += part.text;
    if (message.role === 'tool') {
      for (const part of message.content) {
        if (part.type !== 'tool-result') continue;
        const output = part.output;
        results.push({ name: part.toolName, value: output.type === 'json' ? output.value : output.type === 'text' ? output.value : output });
      }
    }
  }
  const user = users.join('\n');
  return {
    system,
    user,
    lastUser: users.at(-1) ?? '',
    assistant,
    tools: (options.tools ?? []).map((tool) => tool.name),
    results,
    stepId: /^## This step: .*\(([^()]+)\)$/m.exec(user)?.[1],
  };
}

/**
 * An AI SDK mock model driven by a script: each call is read (prompt, offered tools,
 * tool results so far) and answered with text or with tool calls, like a real agent loop.
 */
export function agentModel(script: (call: AgentCall, index: number) => AgentTurn): { model: MockLanguageModelV3; calls: AgentCall[] } {
  const calls: AgentCall[] = [];
  let callIds = 0;
  const model = new MockLanguageModelV3({
    doGenerate: async (options) => {
      const call = readCall(options);
      calls.push(call);
      const turn = script(call, calls.length - 1);
      if ('text' in turn) {
        return { content: [{ type: 'text', text: turn.text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
      }
      const content: LanguageModelV3Content[] = turn.calls.map((c) => ({
        type: 'tool-call',
        toolCallId: `call-${++callIds}`,
        toolName: c.name,
        input: JSON.stringify(c.input),
      }));
      return { content, finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage, warnings: [] };
    },
  });
  return { model, calls };
}
