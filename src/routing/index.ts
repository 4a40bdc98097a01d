export { createRouter } from './create-router.js';
export { routerFromIndex, DEFAULT_CALIBRATION, type Router, type RouterOptions, type Calibration } from './router.js';
export { loadRouter, loadRoutingCandidates, type LoadRouterOptions } from './load-router.js';
export { defaultCacheDir, type IndexCacheOptions } from './routing-index-cache.js';
export { loadProjectSnapshot, type ProjectSnapshot, type LoadSnapshotOptions } from './load-project-snapshot.js';
export { restoreRouteIndex, type RouteIndex } from './route-index.js';
export { buildRouteIndex, compileRouteIndex, type BuildIndexOptions } from './compile-route-index.js';
export { CompiledRouteIndexSchema, type CompiledRouteIndex } from './compiled-route-index.js';
export { scoreRequest, DEFAULT_WEIGHTS, type ScoringWeights, type CandidateScore } from './score-request.js';
export { skillCandidate, playbookCandidate, RoutingCandidateSchema, type RoutingCandidate } from './routing-candidate.js';
export {
  RouteResultSchema,
  RouteTargetSchema,
  RouteAlternativeSchema,
  toContractResult,
  type RouteResult,
  type ContractRouteResult,
  type RouteTarget,
  type RouteAlternative,
} from './route-result.js';
export { routeBatch, type BatchLineResult } from './route-batch.js';
export { LabelledRequestSchema, type LabelledRequest } from './eval/labelled-request.js';
export { evaluateRouting, type RoutingEvaluation } from './eval/evaluate-routing.js';
export { formatEvaluation } from './eval/format-evaluation.js';
