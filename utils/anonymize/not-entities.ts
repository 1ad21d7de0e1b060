// Words a model types as places, people or organisations that identify no one: languages and
// nationalities ("Deutsch (Muttersprache)", "US citizen") and short codes (grades "B1", "H/F" in a job
// ad, network names "Lakeview_5G"). Codes that do identify someone (postcodes,
// IDs, plates) are the rules' to find: they check the structure the model cannot see.

const LANGUAGES_AND_NATIONALITIES = new Set(
  [
    // English
    'english', 'german', 'french', 'spanish', 'italian', 'dutch', 'portuguese', 'polish', 'czech', 'swedish',
    'danish', 'norwegian', 'finnish', 'turkish', 'romanian', 'hungarian', 'greek', 'russian', 'ukrainian',
    'arabic', 'chinese', 'mandarin', 'japanese', 'korean', 'hindi', 'american', 'british', 'canadian', 'irish',
    'scottish', 'welsh', 'australian', 'european', 'us', 'eu',
    // German
    'deutsch', 'englisch', 'französisch', 'spanisch', 'italienisch', 'niederländisch', 'portugiesisch',
    'polnisch', 'tschechisch', 'schwedisch', 'dänisch', 'norwegisch', 'finnisch', 'türkisch', 'rumänisch',
    'ungarisch', 'griechisch', 'russisch', 'ukrainisch', 'arabisch', 'chinesisch', 'japanisch', 'deutsche',
    'deutscher', 'österreichisch', 'schweizerisch',
    // French, Spanish, Italian, Portuguese, Dutch
    'anglais', 'allemand', 'français', 'espagnol', 'italien', 'néerlandais', 'portugais', 'polonais', 'arabe',
    'inglés', 'alemán', 'francés', 'español', 'italiano', 'portugués', 'castellano', 'catalán', 'inglese',
    'tedesco', 'francese', 'spagnolo', 'portoghese', 'inglês', 'alemão', 'francês', 'espanhol', 'português',
    'engels', 'duits', 'frans', 'spaans', 'italiaans', 'nederlands',
    // Nordic, Polish, Czech, Turkish
    'engelska', 'tyska', 'franska', 'svenska', 'engelsk', 'tysk', 'fransk', 'dansk', 'norsk', 'englanti', 'suomi',
    'angielski', 'niemiecki', 'francuski', 'polski', 'angličtina', 'němčina', 'čeština', 'ingilizce', 'almanca',
    'türkçe',
  ],
);

// A short code with a digit or a slash ("B1", "2B", "H/F"), or a name with an underscore: letters alone may be a country ("UK").
const CODE = /^(?:(?=\S*[\d/&+])[\p{Lu}\d][\p{Lu}\d/&+-]{0,2}|\S*_\S*)$/u;

/** True when `body` is only language or nationality names, or only short codes. */
export function namesNoOne(body: string): boolean {
  const words = body.split(/[\s,;]+/u).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}_]+$/gu, '')).filter((w) => w !== '');
  if (words.length === 0) return false;
  return words.every((w) => LANGUAGES_AND_NATIONALITIES.has(w.toLowerCase())) || words.every((w) => CODE.test(w));
}
