import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// Names the model might miss, recognised by the words around them rather than by a name list, so
// they work for names of any origin: honorifics, self-introductions, greetings, sign-offs and form labels.
// Hyphens and apostrophes only inside a name (Ben-David, O'Sullivan), never dangling.
const NAME = String.raw`\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*|\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\.`;
const FULL = String.raw`(?:${NAME})(?:[ -](?:(?:van der|van de|van|von|de la|de|del|da|dos|di|le|la|al|el|bin|ibn|ben|abu|O'|Mc|Mac)[ -])?(?:${NAME})){0,3}`;
const NAME_PARTICLE_START = String.raw`(?:(?:al|el|van|von|de|di|da)[ -])?`;

const HONORIFIC = new RegExp(
  String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Herr|Frau|Mme|Mlle|M\.|Sr|Sra|Srta|Dott|Dott\.ssa|Sheikh|Shri|Smt|Sri|Chief|Rev|Fr|Capt|Sgt|Lt)\.? (${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
const INTRO = new RegExp(
  String.raw`\b(?:${caseless(String.raw`my name is|my name's|i am|i'm|this is|call me|name:|full name:|nombre:|name ist|je m'appelle|mi chiamo|me llamo|ich heiße|ich bin|mein name ist|je suis|signed|regards,|cheers,|thanks,|thank you,|best,|sincerely,|yours,|love,|xoxo,|from:|to:|cc:|dear|hi|hello|hey|hallo|bonjour|hola|ciao|salut|olá|namaste|attn:|attention:|contact:|customer:|patient:|tenant:|applicant:|employee:|author:|signed by|assigned to|reported by|cardholder:|account holder:|beneficiary:|recipient:|sender:|passenger:|guest:`)})\s*(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
// "— Kwame Mensah" / "- Ana" at the end of a review or message.
const SIGNATURE = new RegExp(String.raw`(?:^|\n)\s*(?:[-–—~]\s*)(${FULL})\s*$`, 'gmu');
// Capitalised words that follow an intro phrase but are not names.
const NOT_NAME = new RegExp(
  String.raw`^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Herr|Frau|I|The|A|An|This|That|There|Here|It|We|You|They|He|She|My|Your|Our|All|Team|Everyone|Guys|Folks|Sir|Madam|Customer|Support|Sales|Hiring|Manager|Admin|Team|Thanks|Thank|Please|Not|So|Very|Just|Really|Good|Happy|Sorry|Glad|Going|Looking|Interested|Writing|Here|New|Back|Home|Done|Ready|Sure|Yes|No|Ok|Okay|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Hotel|Restaurant|Amazon|Google|Re|Fwd|Subject|Order|Invoice|Update|Meeting|Product|Service|Delivery|Room|Staff|Everything|Nothing|Something|Overall|Great|Excellent|Terrible|Bad|Nice|Best|Love|Regards|Cheers|Dear|Hello|Hi|Hey)$`,
  'u',
);

function spansOf(text: string, re: RegExp): Span[] {
  return matchSpans(text, re, 'PERSON', () => true, 1).flatMap((s) => trimNonNames(text, s));
}

/** Drops leading non-name words ("Dear Customer" → nothing, "Hi Team Lead" → nothing). */
function trimNonNames(text: string, span: Span): Span[] {
  const words = text.slice(span.start, span.end).split(/(?<=[ -])/);
  const first = words[0]?.trim().replace(/[-\s]$/, '') ?? '';
  if (NOT_NAME.test(first)) return [];
  return [span];
}

export function personContextSpans(text: string): Span[] {
  return [...spansOf(text, HONORIFIC), ...spansOf(text, INTRO), ...spansOf(text, SIGNATURE)];
}
