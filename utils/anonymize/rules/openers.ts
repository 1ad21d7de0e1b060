import { wordAlternation } from './match';

// Words that open a message, a letter or a classified ad and name no one: greetings, congratulations and
// "for sale" / "wanted" in the languages the rules read. An uncased model reading a language it saw little
// of takes "Merhaba", "Dobrý den" or "Zu verkaufen" at the start of a text for a name.
const OPENERS = [
  // greetings
  'good morning', 'good afternoon', 'good evening', 'guten tag', 'guten morgen', 'guten abend', 'moin', 'servus',
  'grüß gott', 'grüezi', 'bonsoir', 'buongiorno', 'buonasera', 'salve', 'buenos días', 'buenas tardes', 'buenas noches',
  'bom dia', 'boa tarde', 'boa noite', 'oi', 'goedemorgen', 'goedemiddag', 'goedenavond', 'hei', 'heippa', 'moi',
  'terve', 'hej hej', 'hejsan', 'god morgon', 'goddag', 'god dag', 'dzień dobry', 'dobry wieczór', 'witam', 'witaj',
  'dobrý den', 'dobrý večer', 'zdravím', 'merhaba', 'selam', 'iyi günler', 'günaydın', 'bună ziua', 'bună', 'salut',
  'jó napot', 'szia', 'sziasztok', 'γεια σας', 'γεια σου', 'καλημέρα', 'dzien dobry', 'здравствуйте', 'здравствуй',
  'привет', 'добрый день', 'доброе утро', 'добрый вечер', 'добрий день', 'доброго дня', 'привіт', 'вітаю', 'здрасте',
  'مرحبا', 'مرحباً', 'السلام عليكم', 'नमस्ते', 'नमस्कार',
  // collective salutations of letters
  'szanowni państwo', 'vážení', 'sayın yetkili', 'stimate doamne', 'tisztelt hölgyem', 'dear all', 'dear sir or madam',
  'estimados señores', 'prezados senhores', 'egregi signori', 'geachte heer, mevrouw', 'mesdames, messieurs',
  // congratulations and thanks
  'congrats', 'congratulations', 'happy birthday', 'glückwunsch', 'herzlichen glückwunsch', 'alles gute',
  'félicitations', 'felicidades', 'enhorabuena', 'parabéns', 'auguri', 'complimenti', 'gefeliciteerd',
  'proficiat', 'grattis', 'tillykke', 'gratulerer', 'onnea', 'gratulacje', 'gratuluję', 'gratuluji', 'tebrikler',
  'felicitări', 'gratulálok', 'danke', 'merci', 'gracias', 'grazie', 'obrigado', 'obrigada', 'bedankt', 'tack',
  'kiitos', 'dziękuję', 'děkuji', 'teşekkürler',
  // classified ads
  'for sale', 'wanted', 'zu verkaufen', 'verkaufe', 'gesucht', 'suche', 'à vendre', 'vends', 'recherche', 'cherche',
  'se vende', 'vendo', 'busco', 'se busca', 'vendesi', 'cerco', 'vende-se', 'procura-se', 'te koop', 'gezocht',
  'säljes', 'köpes', 'til salgs', 'selges', 'sælges', 'købes', 'myydään', 'ostetaan', 'sprzedam', 'kupię', 'prodám',
  'koupím', 'satılık', 'kiralık', 'vând', 'eladó',
];

const OPENER = new RegExp(String.raw`^(?:${wordAlternation(OPENERS)})(?=$|[\s!,.:;])[\s!,.:;]*`, 'u');

/** How many characters of `s` an opening greeting or ad formula takes ("Merhaba, " in "Merhaba, ben Elif"); 0 if none. */
export function leadingOpener(s: string): number {
  return OPENER.exec(s)?.[0].length ?? 0;
}
