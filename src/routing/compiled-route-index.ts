import { z } from 'zod';
import { CompiledExampleClassifierSchema } from './learned/example-classifier-schema.js';
import { RoutingCandidateSchema } from './routing-candidate.js';

import { COMPILED_INDEX_VERSION } from './compiled-index-version.js';

export { COMPILED_INDEX_VERSION };

export const CompiledPhraseSchema = z.object({
  target: z.number().int(),
  text: z.string(),
  stems: z.array(z.string()),
  ruleOwner: z.number().int().optional(),
  ruleText: z.string().optional(),
});

/** The routing index as plain JSON data: what load-router caches between runs. */
export const CompiledRouteIndexSchema = z.object({
  version: z.literal(COMPILED_INDEX_VERSION),
  candidates: z.array(RoutingCandidateSchema.omit({ corpus: true, examples: true })),
  vocabulary: z.record(z.string(), z.number()),
  idf: z.record(z.string(), z.number()),
  phrases: z.array(CompiledPhraseSchema),
  rules: z.array(CompiledPhraseSchema),
  /** Stem → [candidate index, BM25 score] for every stem of the indexed texts. */
  bm25: z.record(z.string(), z.array(z.tuple([z.number().int(), z.number()]))),
  domain: z.record(z.string(), z.number()),
  /** Learned from the candidates' example requests and triggers. */
  classifier: CompiledExampleClassifierSchema,
});

export type CompiledPhrase = z.infer<typeof CompiledPhraseSchema>;
export type CompiledRouteIndex = z.infer<typeof CompiledRouteIndexSchema>;
