import { z } from 'zod';

/**
 * Input fields several tools share. Contexts and playbooks are named, never given as
 * paths: a client (possibly over HTTP) can only reach the files in the project folders.
 */
export const contextNameField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'expected a context name such as "northwind-analytics" (list_contexts shows them), not a path; context files live in MOPS_CONTEXT_DIR',
  })
  .describe('Marketing context name, e.g. "northwind-analytics" (list_contexts); default: MOPS_CONTEXT or the only context');

export const playbookIdField = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a playbook id such as "product-launch" (list_playbooks shows them)' })
  .describe('Playbook id, e.g. "product-launch" (see list_playbooks or route_request)');
