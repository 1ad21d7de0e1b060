import type { Rule } from '../../../utils/anonymize/types';

/** The texts of the spans a rule finds, in the rule's order. */
export const found = (rule: Rule, text: string): string[] => rule(text).map((s) => text.slice(s.start, s.end));
