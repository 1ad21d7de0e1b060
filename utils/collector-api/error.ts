import { z } from 'zod';

/**
 * Every refusal and failure of the collector, whatever the route: a stable machine `code` and
 * a human `message` that clients show as is (it never quotes input values).
 */
export const apiErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z_]{1,64}$/),
    message: z.string().max(1_000),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
