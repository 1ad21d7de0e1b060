/** Kinds of identifying information the anonymizer removes. */
export type EntityType =
  | 'PERSON'
  | 'LOCATION'
  | 'ADDRESS'
  | 'ORGANIZATION'
  | 'EMAIL'
  | 'PHONE'
  | 'CARD'
  | 'IBAN'
  | 'SSN'
  | 'IP'
  | 'URL'
  | 'SECRET'
  | 'WALLET'
  | 'POSTCODE'
  | 'DATE_OF_BIRTH'
  | 'ID';

/** A detected identifier: [start, end) indexes the original text. */
export type Span = {
  type: EntityType;
  start: number;
  end: number;
  source: 'rule' | 'model';
  score?: number;
};

export type EntityOffsets = { type: EntityType; start: number; end: number };

export type AnonymizeResult = {
  redacted: string;
  /** Offsets index the ORIGINAL text. */
  entities: EntityOffsets[];
};

/** One token as returned by transformers.js `token-classification` with `{ ignore_labels: [] }`. */
export type NerToken = { entity: string; score: number; index: number; word: string };

/** Runs a token-classification model on a batch of texts in one run: one token list per text, in order. */
export type NerRunner = (texts: string[]) => Promise<NerToken[][]>;

/** A pure rule stage. */
export type Rule = (text: string) => Span[];
