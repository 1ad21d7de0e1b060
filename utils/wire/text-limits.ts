/**
 * The most text one signal carries: the page observer cuts a page's title and text to it, and
 * the wire schemas refuse more. A module of its own, without zod, because the page observer
 * (injected into every observed page) imports it.
 */
export const TEXT_LIMITS = { titleChars: 300, textChars: 4000 } as const;
