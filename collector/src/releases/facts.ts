// What is true of how every release was collected, stated once for the Croissant description's
// Responsible-AI fields and the datasheet readers. The measured figures come from the anonymizer's
// benchmark (utils/anonymize/README.md, "Latest figures" and "Independent evaluation").
export const COLLECTION_FACTS = {
  collection:
    'Contributed by people running the Tributary browser extension after an explicit opt-in. The extension observes pages the person reads ' +
    '(never login, checkout, account, password or sensitive-category pages, never incognito), anonymizes the text on the device, and sends only ' +
    'the anonymized title and excerpt, an embedding of the anonymized text, the origin, the visit time and reading signals, encrypted and signed.',
  collectionType: ['Web Scraping', 'Crowdsourced', 'User-generated'],
  consent:
    'Opt-in only; each person reviews every item in the extension before and after it is sent, and can delete any item, site, day or everything ' +
    'at any time with a signed request; a release cut after a deletion no longer holds the deleted records and supersedes the earlier release.',
  anonymization:
    'On the device: rules (e-mail, phone, card, IBAN, SSN, IP, URL paths, secrets, wallets, addresses) and a NER model replace identifiers ' +
    'with [TYPE] placeholders before anything leaves. Measured leak (share of identifier tokens left in the output): 2.5 % on the ' +
    '423-line development corpus, 0.9 % on a 40-line held-out corpus (utils/anonymize/README.md). In the release: no device key, ' +
    'bundle or signal id, only the UTC day of a visit, origins seen from fewer than k devices replaced by "other".',
  excluded:
    'Deleted contributions; topics contributed by fewer than k distinct devices; any record whose text looks like a device key or an id; URLs ' +
    '(only origins); exact visit times.',
  limitations:
    'Reflects what opted-in extension users read, in the languages they read; redaction is not perfect (see the measured leak); topics are ' +
    'clusters of embeddings at a fixed cosine threshold, not human labels.',
  biases:
    'Contributors are self-selected users of a Chromium or Firefox extension; the diversity card gives the distribution of languages, topics, ' +
    'visit hours and site categories and the share of the ten largest origins.',
  useCases: 'Topic modelling and classification of what people read, retrieval and embedding research, studies of reading behaviour in aggregate.',
  socialImpact:
    'A dataset owned by its contributors: they are paid per contribution, may withdraw it at any time, and every release is verifiable against the ' +
    "collector's signed transparency log.",
  annotation: 'No human annotation. Topics come from deterministic leader clustering of the embeddings; their top terms are word counts.',
} as const;
