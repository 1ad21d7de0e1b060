/** Bounds on what one page visit may carry; shared by the content script (no zod there) and the schemas. */
export const LIMITS = { titleChars: 300, textChars: 4000 } as const;
