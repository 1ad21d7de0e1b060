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

// Closed-class words that start chat messages and sentences in many languages: yes and no, please and
// thanks, pronouns, greetings to a group, modal verbs, and the kinship words and endearments that stand
// where a name would. The model takes them, capitalised at a sentence start, for names. Words that are
// more often given names than anything else ("Ben", "Can", "Will") are not listed.
const FUNCTION_WORDS = new Set(
  [
    // yes, no, ok, please, thanks
    'yes', 'yeah', 'yep', 'no', 'nope', 'ok', 'okay', 'please', 'thanks', 'ja', 'jawohl', 'nein', 'nee', 'bitte', 'danke',
    'oui', 'non', 'merci', 'sí', 'vale', 'gracias', 'grazie', 'prego', 'certo', 'dank', 'tak', 'nie', 'dzięki',
    'proszę', 'ano', 'děkuji', 'díky', 'sim', 'não', 'obrigado', 'obrigada', 'nej', 'tack', 'kiitos', 'joo', 'ei',
    'evet', 'hayır', 'tamam', 'lütfen', 'teşekkürler', 'igen', 'nem', 'köszönöm', 'da', 'mulțumesc',
    // pronouns and modal verbs at a sentence start
    'i', 'you', 'we', 'they', 'could', 'would', 'should', 'ich', 'du', 'wir', 'ihr', 'sie', 'kannst', 'könnten',
    'können', 'kann', 'jag', 'vi', 'ni', 'je', 'tu', 'nous', 'vous', 'yo', 'tú', 'nosotros', 'io', 'noi', 'voi',
    'ik', 'jij', 'wij', 'jullie', 'eu', 'nós', 'você', 'vocês', 'my', 'wy', 'oni', 'já', 'ty', 'biz', 'siz', 'én', 'mi',
    // greetings to a group and exclamations
    'gente', 'arkadaşlar', 'leute', 'hallo', 'hej', 'hei', 'hola', 'ciao', 'salut', 'oops', 'lovely', 'great', 'sorry',
    // kinship words and endearments, which stand where a name would
    'mum', 'mom', 'mummy', 'mommy', 'dad', 'daddy', 'grandma', 'grandpa', 'granny', 'nana', 'nan', 'auntie', 'aunty',
    'mama', 'papa', 'oma', 'opa', 'mutti', 'vati', 'schatz', 'maman', 'papi', 'mamie', 'papy', 'mamá', 'papá', 'abuela',
    'abuelo', 'nonno', 'nonna', 'mamma', 'babbo', 'amore', 'amo', 'vovó', 'vovô', 'mãe', 'pai', 'babcia', 'dziadek',
    'kochanie', 'mormor', 'farmor', 'morfar', 'farfar', 'bro', 'sis', 'babe', 'honey',
  ],
);

/** True when `body` is only closed-class words ("Bitte", "Jag", "Tak,", "Yeah"), which name no one. */
export function onlyFunctionWords(body: string): boolean {
  const words = body.split(/[\s,;!?.¿¡]+/u).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => FUNCTION_WORDS.has(w.toLowerCase()));
}
