// What the collector tells anyone about its community: the rules in force and where they come from.
import { z } from 'zod';
import { RULE_NAMES, commonsRulesSchema } from '../../contracts/policy';
import { addressSchema, chainIdSchema, uintStringSchema } from '../../contracts/wire';
import { defineRoute } from './route';

/** The rules the collector applies now. Without a policy contract it has no voucher signer rule of its own. */
export const rulesInForceSchema = commonsRulesSchema.extend({ voucherSigner: addressSchema.nullable() });

/** One rule change the collector applied, from the policy contract's event. */
export const policyChangeSchema = z.strictObject({
  rule: z.enum(RULE_NAMES),
  previous: z.string().max(100),
  current: z.string().max(100),
  block: uintStringSchema,
  tx: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
});
export type PolicyChange = z.output<typeof policyChangeSchema>;

export const policyInForceSchema = z.strictObject({
  /** `chain`: read from CommonsPolicy and followed; `embedded`: the collector's built-in defaults (no chain). */
  source: z.enum(['chain', 'embedded']),
  rules: rulesInForceSchema,
  /** Where the rules are decided (source `chain` only). */
  chain: z
    .strictObject({
      chainId: chainIdSchema,
      policy: addressSchema,
      token: addressSchema,
      governor: addressSchema.optional(),
      /** The latest block whose policy events the collector has applied. */
      block: uintStringSchema,
    })
    .optional(),
  /** The changes applied since the collector started, oldest first (at most the last 100). */
  changes: z.array(policyChangeSchema).max(100),
});
export type PolicyInForce = z.output<typeof policyInForceSchema>;

export const policyRoute = defineRoute({
  method: 'GET',
  url: '/v1/policy',
  schema: { summary: 'The community rules this collector applies now, where they are decided, and the changes it applied', response: { 200: policyInForceSchema } },
});
