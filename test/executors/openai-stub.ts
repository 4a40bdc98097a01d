import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny OpenAI-compatible Chat Completions server on 127.0.0.1 for tests: the real
 * `@ai-sdk/openai` client talks to it over HTTP. Each request is recorded (prompt,
 * start and end time) and answered by a script, so tests can return 429s, 500s,
 * garbage or stall a chosen step.
 */

export interface StubRequest {
  /** 0-based order of arrival. */
  index: number;
  model: string;
  system: string;
  user: string;
  /** The step id, read from the prompt's `## This step: Name (id)` line. */
  stepId: string | undefined;
  startedAt: number;
  finishedAt?: number;
}

export type StubReply =
  | { text: string; delayMs?: number; usage?: { prompt: number; completion: number } }
  | { status: number; body?: string; delayMs?: number }
  /** Answer with a 200 whose body is not a Chat Completions response. */
  | { raw: string; delayMs?: number }
  /** Never answer (until the client goes away or the server closes). */
  | { stall: true };

export type StubScript = (request: StubRequest, countForStep: number) => StubReply | Promise<StubReply>;

export interface OpenAiStub {
  baseURL: string;
  requests: StubRequest[];
  /** How many requests each step received. */
  countsByStep(): Record<string, number>;
  setScript(script: StubScript): void;
  /** Forgets recorded requests and per-step counts. */
  reset(): void;
  close(): Promise<void>;
}

const defaultScript: StubScript = (request) => ({
  text: `## Result of ${request.stepId ?? 'unknown step'}\n\nDeliverable text for ${request.stepId}.`,
});

export async function startOpenAiStub(script: StubScript = defaultScript): Promise<OpenAiStub> {
  let current = script;
  const requests: StubRequest[] = [];
  const perStep = new Map<string, number>();
  const stalled = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}` } }));
      return;
    }
    const parsed = JSON.parse(body) as { model: string; messages: { role: string; content: unknown }[] };
    const textOf = (role: string) =>
      parsed.messages
        .filter((m) => m.role === role)
        .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
        .join('\n');
    const user = textOf('user');
    const stepId = /^## This step: .*\(([^()]+)\)$/m.exec(user)?.[1] ?? /^## This step: (\S+)$/m.exec(user)?.[1];
    const request: StubRequest = {
      index: requests.length,
      model: parsed.model,
      system: textOf('system'),
      user,
      stepId,
      startedAt: performance.now(),
    };
    requests.push(request);
    const key = stepId ?? '?';
    const count = (perStep.get(key) ?? 0) + 1;
    perStep.set(key, count);

    const reply = await current(request, count);
    if ('stall' in reply) {
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return;
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    request.finishedAt = performance.now();
    if ('raw' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply.raw);
    } else if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body ?? JSON.stringify({ error: { message: `stub error ${reply.status}`, type: 'stub' } }));
    } else {
      const usage = reply.usage ?? { prompt: 100, completion: 20 };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${request.index}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
          usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
        }),
      );
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    countsByStep: () => Object.fromEntries(perStep),
    setScript: (next) => {
      current = next;
    },
    reset: () => {
      requests.length = 0;
      perStep.clear();
    },
    close: async () => {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
