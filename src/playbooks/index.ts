export * from './playbook-schema.js';
export { DurationSchema, parseDuration, type Duration } from './duration.js';
export { parseTemplateRefs, type TemplateRef } from './template-refs.js';
export { renderTemplate, renderWith, type TemplateScope } from './render-template.js';
export { computeStepGraph, resolveNeeds, findDependencyCycle, type StepGraph } from './compute-step-graph.js';
export { analyzePlaybookText, parsePlaybook, type PlaybookAnalysis } from './parse-playbook.js';
export { lintPlaybook, type LintPlaybookOptions } from './lint-playbook.js';
export {
  loadPlaybook,
  loadPlaybookSource,
  loadPlaybooks,
  listPlaybookFiles,
  type LoadPlaybookOptions,
  type PlaybookSource,
} from './load-playbook.js';
export { validatePlaybookFiles, type ValidatePlaybookOptions } from './validate-playbook-files.js';
export { playbookJsonSchema, playbookJsonSchemaText } from './playbook-json-schema.js';
export { closestMatch } from '../text/closest-match.js';
export type { YamlSourceMap, SourcePosition } from './yaml-source-map.js';
export { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../context/diagnostic.js';
