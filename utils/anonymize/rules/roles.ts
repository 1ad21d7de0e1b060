import { wordAlternation } from './match';

// Words that stand right beside names in documents but name no one: offices and job titles
// ("Bürgermeisterin Sabine …", "Penningmeester Ruud …", "Chief Financial Officer") and the labels and
// headings of forms, CVs, minutes and web pages ("Geburtsort:", "Ordine del giorno", "Impressum").
// An uncased model reading a language it saw little of takes them for names or organisations; the
// rules read a title before a name as the cue it is.

const ROLES = [
  // English
  'mayor', 'councillor', 'councilor', 'alderman', 'senator', 'minister', 'president', 'vice president', 'chair', 'chairman',
  'chairwoman', 'chairperson', 'treasurer', 'secretary', 'company secretary', 'director', 'managing director',
  'non-executive director', 'executive director', 'chief executive officer', 'chief financial officer',
  'chief operating officer', 'chief technology officer', 'chief marketing officer', 'chief executive', 'ceo', 'cfo',
  'coo', 'cto', 'cmo', 'head of design', 'head of sales', 'head of marketing', 'head of engineering',
  'head of human resources', 'head of procurement', 'head of finance', 'head of operations', 'head of product',
  'senior procurement officer', 'procurement officer', 'officer', 'manager', 'office manager', 'store manager',
  'account manager', 'project manager', 'product manager', 'team lead', 'engineer', 'backend engineer',
  'software engineer', 'software developer', 'developer', 'designer', 'coach', 'captain', 'sergeant', 'detective',
  'constable', 'inspector', 'father', 'sister', 'brother', 'reverend', 'pastor', 'rabbi', 'imam', 'judge', 'nurse',
  'midwife', 'teacher', 'headteacher', 'principal', 'professor', 'spokesperson', 'spokesman', 'spokeswoman',
  'landlord', 'landlady', 'dc', 'ds', 'pc', 'gp',
  'engineering', 'design', 'sales', 'marketing', 'finance', 'operations', 'legal', 'customer service', 'human resources',
  'procurement', 'accounts', 'accounting', 'research', 'product', 'support',
  // German
  'bürgermeister', 'bürgermeisterin', 'oberbürgermeister', 'oberbürgermeisterin', 'stadtrat', 'stadträtin',
  'gemeinderat', 'gemeinderätin', 'landrat', 'landrätin', 'vorsitzender', 'vorsitzende', 'versammlungsleiter',
  'versammlungsleiterin', 'versammlungsleitung', 'schriftführer', 'schriftführerin', 'kassenwart', 'kassenwartin',
  'kassierer', 'kassiererin', 'geschäftsführer', 'geschäftsführerin', 'inhaber', 'inhaberin', 'vorstand',
  'projektleiter', 'projektleiterin', 'vertriebsleiter', 'vertriebsleiterin', 'abteilungsleiter',
  'abteilungsleiterin', 'sachbearbeiter', 'sachbearbeiterin', 'werkstudent', 'werkstudentin', 'praktikant',
  'praktikantin', 'hebamme', 'pfarrer', 'pfarrerin', 'richter', 'richterin', 'lehrer', 'lehrerin', 'rechtsanwalt',
  'rechtsanwältin', 'steuerberater', 'steuerberaterin', 'hausmeister', 'hausmeisterin', 'ansprechpartner',
  'ansprechpartnerin', 'teilnehmer', 'teilnehmerin', 'protokollführer', 'protokollführerin',
  // French
  'maire', 'adjoint', 'adjointe', 'conseiller', 'conseillère', 'député', 'députée', 'président', 'présidente',
  'trésorier', 'trésorière', 'secrétaire', 'directeur', 'directrice', 'directeur commercial', 'directrice commerciale',
  'gérant', 'gérante', 'responsable', 'responsable marketing', 'chef de projet', 'chef de rayon', 'comptable',
  'infirmier', 'infirmière', 'médecin', 'avocat', 'avocate', 'notaire', 'curé', 'professeur', 'institutrice',
  'instituteur',
  // Spanish, Portuguese, Italian
  'alcalde', 'alcaldesa', 'concejal', 'concejala', 'presidenta', 'tesorero', 'tesorera', 'secretario', 'secretaria',
  'director general', 'directora', 'directora general', 'jefe', 'jefa', 'jefe de obra', 'gerente', 'abogado', 'abogada',
  'prefeito', 'prefeita', 'vereador', 'vereadora', 'presidente', 'tesoureiro', 'diretor', 'diretora', 'sindaco',
  'sindaca', 'assessore', 'consigliere', 'segretario', 'segretaria', 'tesoriere', 'direttore', 'direttrice',
  'responsabile', 'responsabile acquisti', 'amministratore', 'amministratrice', 'avvocato', 'ingegnere', 'geometra',
  'maestra', 'maestro',
  // Dutch, Nordic, Polish, Czech
  'burgemeester', 'wethouder', 'gemeenteraadslid', 'voorzitter', 'penningmeester', 'secretaris', 'directeur',
  'bedrijfsleider', 'projectleider', 'teamleider', 'medewerker', 'medewerker klantenservice', 'borgmester',
  'borgmästare', 'ordförande', 'formand', 'kassör', 'kasserer', 'sekreterare', 'projektledare', 'burmistrz',
  'wójt', 'prezes', 'przewodniczący', 'przewodnicząca', 'skarbnik', 'sekretarz', 'kierownik', 'kierowniczka',
  'dyrektor', 'starosta', 'primátor', 'předseda', 'předsedkyně', 'jednatel', 'ředitel', 'ředitelka',
];

// Labels of form fields and headings of documents and pages, in the major European languages.
const LABELS = [
  // English
  'name', 'first name', 'last name', 'surname', 'full name', 'address', 'postcode', 'date', 'place of birth',
  'nationality', 'present', 'apologies', 'attendees', 'guests', 'organizer', 'organiser', 'agenda', 'minutes',
  'action points', 'experience', 'work experience', 'education', 'skills', 'languages', 'references', 'profile',
  'about', 'about me', 'about us', 'contact', 'contact us', 'imprint', 'legal notice', 'subject', 'reference',
  'policyholder', 'account holder', 'patient', 'clinic', 'curriculum vitae', 'cv', 'resume', 'résumé',
  // payment and booking fields, in several languages
  'iban', 'bic', 'swift', 'bic/swift', 'sort code', 'account number', 'kontonummer', 'numéro de compte',
  'número de cuenta', 'numero di conto', 'rekeningnummer', 'numer konta', 'číslo účtu', 'hesap numarası',
  'check-in', 'check-out', 'room', 'zimmer', 'chambre', 'habitación', 'camera', 'kamer', 'pokój', 'guardian',
  'parent/guardian', 'emergency contact', 'emergency contacts', 'action', 'action items', 'colour', 'color', 'farbe',
  'couleur', 'size', 'größe', 'taille', 'talla', 'taglia',
  // German
  'lebenslauf', 'berufserfahrung', 'ausbildung', 'kenntnisse', 'sprachen', 'anschrift', 'adresse', 'geburtsort',
  'geburtsname', 'staatsangehörigkeit', 'familienstand', 'vorname', 'nachname', 'kundenkonto', 'kundennummer',
  'lieferadresse', 'rechnungsadresse', 'vertragsnummer', 'versichertennummer', 'versicherungsnehmer',
  'versicherungsschein-nr', 'kennzeichen', 'schadenstag', 'aktenzeichen', 'betreff', 'tagesordnung', 'protokoll',
  'einladung', 'wann', 'wo', 'ort', 'impressum', 'kontakt', 'über uns', 'über mich', 'anfahrt', 'datenschutz',
  'öffnungszeiten', 'notfallkontakt', 'stellenanzeige', 'produktbeschreibung', 'nachruf', 'gast', 'patientin',
  // French
  'nom', 'prénom', 'adresse', 'lieu de naissance', 'nationalité', 'objet', 'ordre du jour', 'compte rendu',
  'présents', 'excusés', 'expérience', 'expérience professionnelle', 'formation', 'compétences', 'langues',
  'mentions légales', 'qui sommes-nous', 'à propos', 'profil', 'coordonnées', 'fiche produit', "offre d'emploi",
  // Spanish, Portuguese, Italian
  'nombre', 'apellidos', 'dirección', 'domicilio', 'lugar de nacimiento', 'nacionalidad', 'asunto', 'orden del día',
  'acta', 'experiencia', 'formación', 'idiomas', 'aviso legal', 'quiénes somos', 'sobre mí', 'sobre nosotros',
  'paciente', 'currículum', 'nome', 'morada', 'assunto', 'sobre nós', 'experiência', 'cognome', 'indirizzo',
  'residenza', 'luogo di nascita', 'cittadinanza', 'oggetto', 'ordine del giorno', 'verbale', 'esperienza',
  'esperienza lavorativa', 'lingue', 'chi siamo', 'contatti', 'dove siamo', 'profilo', 'curriculum',
  // Dutch, Nordic, Polish, Czech, others
  'naam', 'voornaam', 'achternaam', 'adres', 'geboorteplaats', 'onderwerp', 'notulen', 'aanwezig', 'afwezig',
  'werkervaring', 'opleiding', 'talen', 'over ons', 'over mij', 'contactgegevens', 'vacature', 'namn', 'adress',
  'ämne', 'dagordning', 'närvarande', 'om oss', 'om mig', 'navn', 'emne', 'om os', 'nimi', 'osoite', 'aihe',
  'imię', 'nazwisko', 'imię i nazwisko', 'adres', 'temat', 'porządek obrad', 'protokół', 'obecni', 'ogłoszenie',
  'życiorys', 'doświadczenie', 'o nas', 'o mnie', 'kontakt', 'jméno', 'příjmení', 'adresa', 'předmět', 'životopis',
  'o nás', 'ad', 'soyad', 'adres', 'konu', 'hakkımızda', 'iletişim', 'nume', 'prenume', 'adresa', 'subiect',
  'despre noi', 'név', 'cím', 'tárgy', 'rólunk',
];

/** Source of a regex alternation of every role (longest first, case-insensitive letter by letter). */
export const ROLE = wordAlternation(ROLES);

// Words that make a role more specific ("Senior", "Financial"); taken only in front of a role.
const QUALIFIERS = [
  'senior', 'junior', 'deputy', 'assistant', 'acting', 'interim', 'vice', 'chief', 'lead', 'principal', 'financial',
  'executive', 'operating', 'technology', 'technical', 'marketing', 'sales', 'procurement', 'engineering', 'design',
  'product', 'finance', 'operations', 'legal', 'regional', 'general', 'human resources', 'customer', 'stellvertretender',
  'stellvertretende', 'leitender', 'leitende',
];

const ROLE_OR_LABEL = new RegExp(
  String.raw`^(?:(?:${wordAlternation(QUALIFIERS)})\s+)*(?:${wordAlternation([...ROLES, ...LABELS])})(?=$|[\s:,.;|·–—-])[\s:,.;|·–—-]*`,
  'u',
);

/**
 * Splits leading roles and labels off `s`: returns how many characters of it they take ("Wethouder " in
 * "Wethouder Femke de Groot"; all of "Chief Financial Officer"), 0 when it starts with neither.
 */
export function leadingRoleOrLabel(s: string): number {
  let taken = 0;
  for (let m = ROLE_OR_LABEL.exec(s); m && m[0].length > 0; m = ROLE_OR_LABEL.exec(s.slice(taken))) {
    taken += m[0].length;
    if (taken >= s.length) break;
  }
  return taken;
}

// A capitalised label after a clause boundary ("…, Lieferadresse Am Mühlbach 3", "… Kraków. Kontakt: …"):
// where a field of a form or a sentence about contacts starts.
const LABEL_AFTER_BOUNDARY = new RegExp(String.raw`(?<=[,.;:|]\s+|\n)(?=\p{Lu})(?:${wordAlternation(LABELS)})(?![\p{L}])[\s:]*`, 'gu');

/** The labels inside `s` that start a new field or clause, as [start, end) offsets into `s`. */
export function innerLabels(s: string): [number, number][] {
  return [...s.matchAll(LABEL_AFTER_BOUNDARY)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}
