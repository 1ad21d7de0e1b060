import type { EntityType, Span } from '../types';
import { CARD_WORDS } from './card';
import { ID_WORDS } from './id';
import { wordAlternation } from './match';
import { PHONE_WORDS } from './phone';

// Numbers read out or dictated (call and voicemail transcripts, chats written as spoken): "oh seven seven
// double oh, nine double oh, one two three", "seis uno dos, cuarenta y cinco, treinta y ocho",
// "šest nula dva, sto dvacet tři". Each word is sorted by how many digits it writes; compounds written
// as one word ("fünfundvierzig", "trentotto", "eenentwintig") count as a two-digit word.
type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'hundreds' | 'repeat' | 'and';

const EN_UNITS = 'one two three four five six seven eight nine';
const EN_TEENS = 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const EN_TENS = 'twenty thirty forty fifty sixty seventy eighty ninety';

/** An English number from one to ninety-nine in words ("fourteen", "twenty-one"), as a house number is said aloud. */
export const ENGLISH_ONE_TO_NINETY_NINE = String.raw`(?:(?:${wordAlternation(EN_TENS.split(' '))})(?:-(?:${wordAlternation(EN_UNITS.split(' '))}))?|${wordAlternation([...EN_TEENS.split(' '), ...EN_UNITS.split(' ')])})`;

const LISTS: Record<Kind, string> = {
  unit: [
    `zero oh ${EN_UNITS}`, // en
    'null eins ein zwei zwo drei vier fünf sechs sieben acht neun', // de
    'zéro un une deux trois quatre cinq six sept huit neuf', // fr
    'cero uno una un dos tres cuatro cinco seis siete ocho nueve', // es
    'uno una due tre quattro cinque sei sette otto nove', // it
    'um uma dois duas três quatro cinco seis sete oito nove', // pt
    'nul een één twee drie vier vijf zes zeven acht negen', // nl
    'jeden jedna dwa dwie trzy cztery pięć sześć siedem osiem dziewięć', // pl
    'nula jedna jeden jedno dva dvě tři čtyři pět šest sedm osm devět', // cs
    'noll nul null en ett et två to tre fyra fire fem sex seks sju syv åtta åtte otte nio ni', // sv, no, da
  ].join(' '),
  teen: [
    EN_TEENS,
    'zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn',
    'dix onze douze treize quatorze quinze seize',
    'diez once doce trece catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve',
    'dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove',
    'dez onze doze treze catorze quatorze quinze dezesseis dezasseis dezessete dezassete dezoito dezenove dezanove',
    'tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien',
    'dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście',
    'deset jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct',
    'tio elva tolv tretton fjorton femton sexton sjutton arton nitton ti elleve tretten fjorten femten seksten sytten atten nitten',
  ].join(' '),
  tens: [
    EN_TENS,
    'zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig neunzig',
    'vingt vingts trente quarante cinquante soixante',
    'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa',
    'venti trenta quaranta cinquanta sessanta settanta ottanta novanta',
    'vinte trinta quarenta cinquenta sessenta setenta oitenta noventa',
    'twintig dertig veertig vijftig zestig zeventig tachtig negentig',
    'dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt',
    'dvacet třicet čtyřicet padesát šedesát sedmdesát osmdesát devadesát',
    'tjugo trettio fyrtio femtio sextio sjuttio åttio nittio tjue tretti førti femti seksti sytti åtti nitti',
    'tyve tredive fyrre halvtreds tres halvfjerds firs halvfems',
  ].join(' '),
  hundred: 'hundred hundert cent cents cien ciento cento cem hundra hundre hundrede honderd sto stě sta set',
  hundreds: [
    'doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos',
    'duecento trecento quattrocento cinquecento seicento settecento ottocento novecento',
    'duzentos trezentos quatrocentos quinhentos seiscentos setecentos oitocentos novecentos',
    'dwieście trzysta czterysta pięćset sześćset siedemset osiemset dziewięćset',
  ].join(' '),
  repeat: 'double doble doppio doppia doppel dubbel dobbel dobbelt triple triplo tripla',
  and: 'and und y e i og och a',
};

const KIND = new Map<string, Kind>();
for (const kind of Object.keys(LISTS) as Kind[]) {
  for (const w of LISTS[kind].split(' ')) if (!KIND.has(w)) KIND.set(w, kind);
}

// Two-digit and hundred compounds written as one word.
const COMPOUND_TENS = new RegExp(
  '^(?:' +
    [
      '(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)',
      '(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)',
      '(?:en|to|tre|fire|fem|seks|syv|otte|ni)og(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)',
      '(?:vent|trent|quarant|cinquant|sessant|settant|ottant|novant)[ai]?(?:uno|due|tre|tré|quattro|cinque|sei|sette|otto|nove)',
      'veinti(?:uno|ún|dos|dós|tres|trés|cuatro|cinco|seis|séis|siete|ocho|nueve)',
      '(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)',
      '(?:tjue|tretti|førti|femti|seksti|sytti|åtti|nitti)(?:en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni)',
      '(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět)a(?:dvacet|třicet|čtyřicet|padesát|šedesát|sedmdesát|osmdesát|devadesát)',
    ].join('|') +
    ')$',
  'u',
);
const COMPOUND_HUNDREDS = /^(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|een|twee|drie|vijf|zes|zeven|negen|ett|två|tre|fyra|fem|sex|sju|åtta|nio)(?:hundert|honderd|hundra)$/u;

function kindOf(word: string): Kind | undefined {
  const w = word.toLowerCase();
  return KIND.get(w) ?? (COMPOUND_TENS.test(w) ? 'tens' : COMPOUND_HUNDREDS.test(w) ? 'hundreds' : undefined);
}

// Words of one number are separated by spaces, commas and dashes; anything else (a full stop, a
// question mark, a line break, a digit) ends it. A comma or a dash between groups starts a new group.
const GAP = /^[ \t,\-–—]*$/u;

type Run = { start: number; end: number; digits: number; units: number };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  let open: 'unit' | 'tens' | undefined; // what the previous word lets the next one complete
  let repeat = 1;
  let prev: Kind | undefined;
  let pendingAnd: { end: number } | undefined;
  const close = (): void => {
    if (run) runs.push(run);
    run = undefined;
    open = undefined;
    repeat = 1;
    prev = undefined;
    pendingAnd = undefined;
  };
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const kind = kindOf(m[0]);
    const gap = run ? text.slice(pendingAnd?.end ?? run.end, start) : '';
    if (run && !GAP.test(gap)) close();
    if (kind === undefined || (kind === 'and' && (!run || (prev !== 'tens' && prev !== 'hundred' && prev !== 'hundreds') || pendingAnd))) {
      close();
      continue;
    }
    if (kind === 'and') {
      pendingAnd = { end };
      continue;
    }
    if (run && /[,–—]/.test(gap) && !pendingAnd) open = undefined;
    pendingAnd = undefined;
    run ??= { start, end, digits: 0, units: 0 };
    run.end = end;
    switch (kind) {
      case 'unit':
        run.units++;
        if (open) open = undefined;
        else run.digits += repeat;
        repeat = 1;
        break;
      case 'teen':
        if (open !== 'tens') run.digits += 2;
        open = undefined;
        break;
      case 'tens':
        if (open !== 'tens') run.digits += 2;
        open = 'unit';
        break;
      case 'hundred':
        run.digits += prev === 'unit' ? 2 : 3;
        open = 'tens';
        break;
      case 'hundreds':
        run.digits += 3;
        open = 'tens';
        break;
      case 'repeat':
        repeat = /^tri/i.test(m[0]) ? 3 : 2;
        break;
    }
    prev = kind;
  }
  close();
  return runs;
}

const LABELS: [EntityType, RegExp][] = [
  ['CARD', new RegExp(`(?<![\\p{L}])(?:${CARD_WORDS})(?![\\p{L}])`, 'giu')],
  ['ID', new RegExp(`(?<![\\p{L}])(?:${ID_WORDS})(?![\\p{L}])`, 'giu')],
  ['PHONE', new RegExp(`(?<![\\p{L}])(?:${PHONE_WORDS})`, 'giu')],
];
// "Client :", "Customer:" at a line's start name who speaks, not what the number is.
const SPEAKER = /(?<=^|\n)[\p{L} .'’-]{1,30}:[ \t]/gu;

/** The line a run is on, up to it, and the line before (a transcript's question: "And your card number?"). */
function contextOf(text: string, start: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1);
  const previous = lineStart <= 0 ? 0 : text.lastIndexOf('\n', lineStart - 1) + 1;
  return text.slice(previous, start).slice(-160).replace(SPEAKER, (m) => ' '.repeat(m.length));
}

/** The type of the label nearest before the number, if any. */
function labelledAs(context: string): EntityType | undefined {
  let best: { type: EntityType; at: number } | undefined;
  for (const [type, re] of LABELS) {
    for (const m of context.matchAll(re)) if (!best || (m.index ?? 0) > best.at) best = { type, at: m.index ?? 0 };
  }
  return best?.type;
}

/**
 * A number of at least seven digits written in words, typed by the nearest label before it (a card, an
 * identity document, a phone). Without a label it needs five digit words and is taken for a phone
 * number, the number most often read out: a few numbers in words ("twenty, thirty, forty") are counts,
 * a string of digits read one by one is not.
 */
export function spokenNumberSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of runsOf(text)) {
    if (run.digits < 7) continue;
    const type = labelledAs(contextOf(text, run.start)) ?? (run.units >= 5 ? 'PHONE' : undefined);
    if (type) spans.push({ type, start: run.start, end: run.end, source: 'rule' });
  }
  return spans;
}
