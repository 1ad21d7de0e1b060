// The release described in MLCommons Croissant 1.0 JSON-LD with its Responsible-AI vocabulary, so ML
// tooling can read what a release holds and how it was collected. The records file it describes is
// the JSON-lines form of the release's records (`npm run verify -- <cid> --out DIR` writes it, and
// checks it against the sha256 given here).
import type { Datasheet } from '../export/dataset';
import { COLLECTION_FACTS } from './facts';

const CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  equivalentProperty: 'cr:equivalentProperty',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  samplingRate: 'cr:samplingRate',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
};

export const RECORDS_FILE = 'records.jsonl';

const FIELDS: [name: string, dataType: string, description: string][] = [
  ['topic', 'sc:Text', 'Topic id (t0 = largest); the manifest and diversity card give its size, device count and top terms.'],
  ['text', 'sc:Text', 'Anonymized title and excerpt, identifiers replaced by [TYPE] placeholders on the device.'],
  ['embedding', 'sc:Float', 'Sentence embedding of the anonymized text, computed on the device.'],
  ['model', 'sc:Text', 'The embedding model.'],
  ['lang', 'sc:Text', 'Language of the text (BCP 47), or null.'],
  ['day', 'sc:Date', 'UTC day of the visit.'],
  ['origin', 'sc:Text', 'Site origin; "other" for origins seen from fewer than k devices.'],
];

export interface CroissantInput {
  seq: number;
  createdAt: number;
  license: string;
  k: number;
  sheet: Datasheet;
  /** sha256 (hex) of the records file. */
  recordsSha256: string;
}

export function croissant(r: CroissantInput): Record<string, unknown> {
  const day = new Date(r.createdAt).toISOString().slice(0, 10);
  return {
    '@context': CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.0',
    name: 'tributary-commons',
    description:
      `Tributary community dataset, release ${r.seq}: ${r.sheet.records} anonymized reading records in ${r.sheet.topics.released} topics, ` +
      `each topic from at least ${r.k} devices. Verify with npm run verify -- <manifest CID>.`,
    license: `https://spdx.org/licenses/${r.license}.html`,
    url: 'https://github.com/tributary/tributary',
    version: `${r.seq}.0.0`,
    datePublished: day,
    citeAs: `Tributary contributors (${day.slice(0, 4)}). Tributary community dataset, release ${r.seq}.`,
    creator: { '@type': 'sc:Organization', name: 'Tributary contributors' },
    keywords: ['browsing', 'reading', 'topics', 'embeddings', 'k-anonymity', 'IPFS'],
    isLiveDataset: true,
    'rai:dataCollection': COLLECTION_FACTS.collection + ' Consent: ' + COLLECTION_FACTS.consent,
    'rai:dataCollectionType': [...COLLECTION_FACTS.collectionType],
    'rai:dataCollectionTimeframe': r.sheet.days.first ? [r.sheet.days.first, r.sheet.days.last] : [],
    'rai:dataPreprocessingProtocol': [COLLECTION_FACTS.anonymization],
    'rai:dataManipulationProtocol': `Excluded: ${COLLECTION_FACTS.excluded} Withheld for k in this release: ${r.sheet.topics.recordsWithheld} records.`,
    'rai:personalSensitiveInformation': COLLECTION_FACTS.anonymization,
    'rai:dataAnnotationProtocol': COLLECTION_FACTS.annotation,
    'rai:dataBiases': [COLLECTION_FACTS.biases],
    'rai:dataLimitations': [COLLECTION_FACTS.limitations],
    'rai:dataUseCases': [COLLECTION_FACTS.useCases],
    'rai:dataSocialImpact': COLLECTION_FACTS.socialImpact,
    'rai:dataReleaseMaintenancePlan':
      'A new release is cut on the cadence in force; a release that deletions made out of date is superseded by the next one, never edited.',
    distribution: [
      {
        '@type': 'cr:FileObject',
        '@id': RECORDS_FILE,
        name: RECORDS_FILE,
        description: 'The release records as JSON lines, in release order.',
        contentUrl: RECORDS_FILE,
        encodingFormat: 'application/jsonlines',
        sha256: r.recordsSha256,
      },
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'records',
        name: 'records',
        description: 'One record per released contribution.',
        field: FIELDS.map(([name, dataType, description]) => ({
          '@type': 'cr:Field',
          '@id': `records/${name}`,
          name,
          description,
          dataType,
          ...(name === 'embedding' ? { repeated: true } : {}),
          source: { fileObject: { '@id': RECORDS_FILE }, extract: { column: name } },
        })),
      },
    ],
  };
}
