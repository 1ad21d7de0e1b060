export type WireErrorCode =
  | 'invalid_envelope'
  | 'bad_signature'
  | 'decrypt_failed'
  | 'invalid_plaintext'
  | 'envelope_mismatch'
  | 'invalid_key';

/** Thrown by wire functions; `code` is stable and maps to HTTP errors in the collector. */
export class WireError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

interface ZodLikeError {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** First issue of a zod error as one short line, free of input values. */
export function describeZodError(err: ZodLikeError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`.slice(0, 300);
}
