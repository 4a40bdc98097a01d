export { createRouter, DEFAULT_CALIBRATION, type Router, type RouterOptions, type Calibration } from './router.js';
export { loadRouter, loadRoutingCandidates } from './load-router.js';
export { buildRouteIndex, type RouteIndex } from './route-index.js';
export { scoreRequest, DEFAULT_WEIGHTS, type ScoringWeights, type CandidateScore } from './score-request.js';
export { skillCandidate, playbookCandidate, RoutingCandidateSchema, type RoutingCandidate } from './routing-candidate.js';
export {
  RouteResultSchema,
  RouteTargetSchema,
  RouteAlternativeSchema,
  type RouteResult,
  type RouteTarget,
  type RouteAlternative,
} from './route-result.js';
export { routeBatch, type BatchLineResult } from './route-batch.js';
export { LabelledRequestSchema, type LabelledRequest } from './eval/labelled-request.js';
export { evaluateRouting, type RoutingEvaluation } from './eval/evaluate-routing.js';
export { formatEvaluation } from './eval/format-evaluation.js';
