import { z } from 'zod';

/** Why a signal did or did not earn reward units; kept per signal as the bundle's audit trail. */
export const scoreReasonSchema = z.enum(['scored', 'invalid', 'duplicate', 'near_duplicate', 'daily_cap', 'deleted_item']);
export type ScoreReason = z.infer<typeof scoreReasonSchema>;
