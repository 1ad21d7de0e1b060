import type { Rule, Span } from '../types';
import { addressSpans } from './address';
import { birthDateSpans } from './birth-date';
import { cardSpans } from './card';
import { emailSpans } from './email';
import { employerSpans } from './employer';
import { ibanSpans } from './iban';
import { idSpans } from './id';
import { ipSpans } from './ip';
import { foldDigits } from './match';
import { nameHolderSpans } from './name-holder';
import { personContextSpans } from './person-context';
import { phoneSpans } from './phone';
import { postcodeSpans } from './postcode';
import { residenceSpans } from './residence';
import { secretSpans } from './secret';
import { selfNamingSpans } from './self-naming';
import { spokenNumberSpans } from './spoken-number';
import { ssnSpans } from './ssn';
import { urlSpans } from './url';
import { walletSpans } from './wallet';

export const RULES: readonly Rule[] = [
  emailSpans, urlSpans, secretSpans, walletSpans, cardSpans, ibanSpans, ssnSpans,
  ipSpans, phoneSpans, spokenNumberSpans, addressSpans, postcodeSpans, idSpans, personContextSpans,
  nameHolderSpans, selfNamingSpans, employerSpans, birthDateSpans, residenceSpans,
];

/** Every rule's spans; the rules read digits of any script as ASCII digits (offsets unchanged). */
export function ruleSpans(text: string): Span[] {
  const folded = foldDigits(text);
  return RULES.flatMap((rule) => rule(folded));
}
