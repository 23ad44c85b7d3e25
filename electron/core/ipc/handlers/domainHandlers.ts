import type { z } from 'zod';
import type { Operation } from '../../../../shared/contract/define.js';

/** The handlers of one domain's operations, typed from its contract file. */
export type DomainHandlers<Ops extends Record<string, Operation<z.ZodType, unknown>>> = {
  [C in keyof Ops]: (
    request: z.output<Ops[C]['request']>,
  ) => Promise<Ops[C] extends Operation<z.ZodType, infer R> ? R : never> | (Ops[C] extends Operation<z.ZodType, infer R> ? R : never);
};
