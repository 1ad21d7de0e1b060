"""Templates written in the language of the locale that fills them (German text with de_* values, ...).

The English templates (ner_templates) teach the model names from 30 locales inside English sentences
only; pages and messages in other languages put those names between words the model has never seen
around an entity, and it misses them (or takes a heading for a name). Slots as in ner_templates, plus
{HEADING} and {JOB}: section headings and job titles in many languages, always O, and placed where a
name could stand (a line of their own, before a name, after a name).

TRAIN and HELDOUT are disjoint, as in ner_templates.
"""

# Language -> Faker locales whose values fill that language's templates.
LANG_LOCALES = {
    "de": ["de_DE", "de_AT", "de_CH"],
    "fr": ["fr_FR", "fr_CA"],
    "es": ["es_ES", "es_MX", "es_AR"],
    "it": ["it_IT"],
    "nl": ["nl_NL", "nl_BE"],
    "pl": ["pl_PL"],
    "pt": ["pt_PT", "pt_BR"],
    "sv": ["sv_SE"],
    "da": ["da_DK"],
    "fi": ["fi_FI"],
    "cs": ["cs_CZ"],
    "ro": ["ro_RO"],
    "tr": ["tr_TR"],
    "hu": ["hu_HU"],
}

TRAIN = {
    "de": [
        "Hallo {PER_FIRST}, kannst du mich heute Abend unter {PHONE} anrufen? Gruß {PER2_FIRST}",
        "Sehr geehrter Herr {PER_LAST},\nvielen Dank für Ihre Nachricht. Die Unterlagen gehen an {ADDR_FULL}.\nMit freundlichen Grüßen\n{PER2}",
        "{HEADING}\n{ORG}\n{ADDR_FULL}\nTelefon: {PHONE}\nE-Mail: {EMAIL}",
        "Unser Kollege {PER} ({JOB}) wechselt zum 1. April zu {ORG} nach {CITY}.",
        "Ich heiße {PER} und wohne seit {YEAR} in {CITY}.",
        "Name: {PER}\nAnschrift: {ADDR_FULL}\nGeburtsort: {CITY}",
        "{JOB} (m/w/d) gesucht! Bewerbungen bitte an {PER}, {ORG}, {ADDR_FULL}.",
        "Gestern war {PER_FIRST} bei uns in {CITY}, sie arbeitet jetzt bei {ORG}.",
        "Bürgermeister {PER} eröffnete am Samstag das neue Schwimmbad in {CITY}.",
        "Verkaufe Sofa, Abholung in {ADDR_FULL}, bei Interesse {PER_FIRST} anrufen: {PHONE}",
    ],
    "fr": [
        "Bonjour {PER_FIRST}, tu peux me rappeler au {PHONE} ce soir ? Bises, {PER2_FIRST}",
        "Madame, Monsieur,\nje vous informe de mon changement d'adresse : {ADDR_FULL}.\nCordialement,\n{PER}",
        "{HEADING}\n{ORG}, {ADDR_FULL}. Tél. {PHONE}",
        "{PER}, {JOB} chez {ORG} à {CITY}, a présenté les résultats lundi.",
        "Je m'appelle {PER} et j'habite à {CITY} depuis {YEAR}.",
        "Nom : {PER_LAST}\nPrénom : {PER_FIRST}\nAdresse : {ADDR_FULL}",
        "Le maire de {CITY}, {PER}, a rencontré les habitants du quartier.",
        "Merci à {PER_FIRST} et {PER2_FIRST} pour leur aide ! Rendez-vous au {ADDR}.",
        "Offre d'emploi : {JOB} (H/F). Envoyez votre CV à {PER}, {ORG}.",
        "Colis livré chez votre voisin, {PER}, {ADDR_FULL}.",
    ],
    "es": [
        "Hola {PER_FIRST}, ¿me llamas al {PHONE} cuando puedas? Un abrazo, {PER2_FIRST}",
        "Estimado señor {PER_LAST}:\nle confirmamos el envío a {ADDR_FULL}.\nAtentamente,\n{PER2}",
        "{HEADING}\n{ORG} · {ADDR_FULL} · Tel. {PHONE}",
        "Me llamo {PER} y vivo en {CITY} desde hace años.",
        "{PER}, {JOB} de {ORG}, explicó el proyecto en {CITY}.",
        "Nombre: {PER}\nDirección: {ADDR_FULL}\nLugar de nacimiento: {CITY}",
        "La alcaldesa de {CITY}, {PER}, inauguró ayer la biblioteca.",
        "Vendo bicicleta, recoger en {ADDR_FULL}. Preguntar por {PER_FIRST}.",
        "Se busca {JOB}. Contacto: {PER}, {EMAIL}",
    ],
    "it": [
        "Ciao {PER_FIRST}, mi richiami al {PHONE} stasera? Un bacio, {PER2_FIRST}",
        "Gentile signor {PER_LAST},\nla merce sarà spedita a {ADDR_FULL}.\nCordiali saluti,\n{PER2}",
        "{HEADING}\n{ORG}, {ADDR_FULL}, tel. {PHONE}",
        "Mi chiamo {PER} e abito a {CITY} da dieci anni.",
        "{PER}, {JOB} presso {ORG} di {CITY}, ha presentato il piano.",
        "Nome: {PER_FIRST}\nCognome: {PER_LAST}\nIndirizzo: {ADDR_FULL}",
        "Il sindaco di {CITY}, {PER}, ha incontrato i commercianti.",
        "Vendo lavatrice, ritiro in {ADDR_FULL}, chiedere di {PER_FIRST}.",
        "Cercasi {JOB}. Inviare curriculum a {PER}, {EMAIL}",
    ],
    "nl": [
        "Hoi {PER_FIRST}, kun je me vanavond bellen op {PHONE}? Groetjes, {PER2_FIRST}",
        "Geachte heer {PER_LAST},\nuw bestelling wordt verzonden naar {ADDR_FULL}.\nMet vriendelijke groet,\n{PER2}",
        "{HEADING}\n{ORG}, {ADDR_FULL}, telefoon {PHONE}",
        "Ik ben {PER} en ik woon in {CITY}.",
        "{PER}, {JOB} bij {ORG} in {CITY}, gaat met pensioen.",
        "Naam: {PER}\nAdres: {ADDR_FULL}\nGeboorteplaats: {CITY}",
        "Wethouder {PER} opende zaterdag de nieuwe brug in {CITY}.",
    ],
    "pl": [
        "Cześć {PER_FIRST}, zadzwoń do mnie na {PHONE}. Pozdrawiam, {PER2_FIRST}",
        "Szanowny Panie {PER_LAST},\nprzesyłka zostanie wysłana na adres {ADDR_FULL}.\nZ poważaniem,\n{PER2}",
        "{HEADING}\n{ORG}, {ADDR_FULL}, tel. {PHONE}",
        "Nazywam się {PER} i mieszkam w {CITY}.",
        "{PER}, {JOB} w firmie {ORG}, przedstawił plan.",
        "Imię i nazwisko: {PER}\nAdres: {ADDR_FULL}",
    ],
    "pt": [
        "Olá {PER_FIRST}, liga-me para o {PHONE} logo à noite. Beijinhos, {PER2_FIRST}",
        "Exmo. Sr. {PER_LAST},\na encomenda segue para {ADDR_FULL}.\nCumprimentos,\n{PER2}",
        "{HEADING}\n{ORG}, {ADDR_FULL}, telefone {PHONE}",
        "Chamo-me {PER} e moro em {CITY}.",
        "{PER}, {JOB} da {ORG} em {CITY}, apresentou o relatório.",
        "Nome: {PER}\nMorada: {ADDR_FULL}",
    ],
    "sv": [
        "Hej {PER_FIRST}! Ring mig på {PHONE} ikväll. Kram {PER2_FIRST}",
        "{HEADING}\n{ORG}, {ADDR_FULL}, tel. {PHONE}",
        "Jag heter {PER} och bor i {CITY}.",
        "{PER}, {JOB} på {ORG}, berättar om planerna.",
    ],
    "da": [
        "Hej {PER_FIRST}, ring til mig på {PHONE}. Hilsen {PER2_FIRST}",
        "Jeg hedder {PER} og bor på {ADDR_FULL}.",
        "{HEADING}\n{ORG}, {ADDR_FULL}",
    ],
    "fi": [
        "Moi {PER_FIRST}, soita minulle numeroon {PHONE}. Terveisin {PER2_FIRST}",
        "Nimeni on {PER} ja asun osoitteessa {ADDR_FULL}.",
    ],
    "cs": [
        "Ahoj {PER_FIRST}, zavolej mi na {PHONE}. Díky, {PER2_FIRST}",
        "Jmenuji se {PER} a bydlím v {CITY}.",
        "Vážený pane {PER_LAST},\nzásilka bude doručena na adresu {ADDR_FULL}.\nS pozdravem\n{PER2}",
    ],
    "ro": [
        "Bună {PER_FIRST}, sună-mă la {PHONE}. Mulțumesc, {PER2_FIRST}",
        "Mă numesc {PER} și locuiesc în {CITY}.",
    ],
    "tr": [
        "Merhaba {PER_FIRST}, beni {PHONE} numarasından arar mısın? {PER2_FIRST}",
        "Benim adım {PER}, {CITY} şehrinde oturuyorum.",
    ],
    "hu": [
        "Szia {PER_FIRST}, hívj fel a {PHONE} számon. Üdv, {PER2_FIRST}",
        "{PER} vagyok, {CITY} városában lakom.",
    ],
}

HELDOUT = {
    "de": [
        "Liebe {PER_FIRST}, wir sind umgezogen: {ADDR_FULL}. Viele Grüße, {PER2}",
        "{HEADING}: {PER}, {JOB}, {ORG}",
    ],
    "fr": [
        "Salut {PER_FIRST} ! On se retrouve chez {PER2_FIRST}, {ADDR_FULL} ?",
        "{HEADING} - {PER}, {JOB} ({ORG})",
    ],
    "es": ["Querida {PER_FIRST}: te escribo desde {CITY}. Besos, {PER2}"],
    "it": ["Caro {PER_FIRST}, ti aspetto in {ADDR_FULL}. {PER2}"],
    "nl": ["Beste {PER_FIRST}, wij wonen nu op {ADDR_FULL}. Groet, {PER2}"],
    "pl": ["Droga {PER_FIRST}, pozdrowienia z {CITY}! {PER2}"],
}

# Section headings, menu items and document titles: capitalised, often alone on a line, never a name.
HEADINGS = [
    "Impressum", "Über uns", "Kontakt", "Anfahrt", "Datenschutz", "Lebenslauf", "Berufserfahrung", "Ausbildung",
    "Tagesordnung", "Protokoll", "Betreff", "Teilnehmer", "Stellenanzeige", "Produktbeschreibung", "Angebot",
    "Mentions légales", "Qui sommes-nous", "Contact", "Plan d'accès", "Expérience professionnelle", "Formation",
    "Ordre du jour", "Compte rendu", "Objet", "Offre d'emploi", "Fiche produit", "Livraison et retours",
    "Aviso legal", "Quiénes somos", "Contacto", "Experiencia", "Orden del día", "Acta", "Asunto", "Oferta de empleo",
    "Chi siamo", "Contatti", "Dove siamo", "Esperienza lavorativa", "Ordine del giorno", "Verbale", "Oggetto",
    "Over ons", "Contactgegevens", "Werkervaring", "Notulen", "Agenda", "Vacature", "Onderwerp",
    "O nas", "Kontakt z nami", "Ogłoszenie", "Doświadczenie zawodowe", "Porządek obrad", "Oferta pracy",
    "Sobre nós", "Contactos", "Experiência profissional", "Ordem de trabalhos", "Assunto",
    "Om oss", "Kontakta oss", "Arbetslivserfarenhet", "Dagordning", "Lediga jobb",
    "Om os", "Kontakt os", "Yhteystiedot", "O nás", "Despre noi", "Hakkımızda", "İletişim", "Rólunk",
    "About us", "Our team", "Opening hours", "Work experience", "Minutes", "Agenda items", "Job description",
]

# Job titles and roles in several languages: they sit right beside names and are not names.
JOBS = [
    "Geschäftsführer", "Projektleiterin", "Vertriebsleiter", "Sachbearbeiterin", "Bürokaufmann", "Werkstudent",
    "Pflegefachkraft", "Steuerberater", "Kassenwart", "Schriftführerin", "Hausmeister", "Erzieherin",
    "directeur commercial", "Responsable marketing", "chef de projet", "Assistante de direction", "Comptable",
    "Chef de rayon", "infirmière", "Directrice des ressources humaines", "Trésorier", "Secrétaire générale",
    "Jefe de obra", "Directora financiera", "Auxiliar administrativo", "Responsable de ventas", "Tesorero",
    "Responsabile acquisti", "Direttore generale", "Impiegata amministrativa", "Capo reparto", "Segretario",
    "Medewerker klantenservice", "Penningmeester", "Voorzitter", "Projectleider", "Accountmanager",
    "Kierownik sklepu", "Księgowa", "Dyrektor handlowy", "Diretor comercial", "Técnica de vendas",
    "Sjuksköterska", "Projektledare", "Sygeplejerske", "Myyntipäällikkö", "Vedoucí prodeje", "Contabil",
    "Senior Procurement Officer", "Head of Human Resources", "Chief Financial Officer", "Office Manager",
    "Backend Engineer", "Team Lead", "Store Manager", "Non-Executive Director", "Company Secretary",
]

# Look-alikes in other languages: capitalised nouns of forms, ads, recipes and product pages, no entity.
HARD_TRAIN = [
    "{HEADING}: {ORG}, {ADDR_FULL}",
    "{HEADING}: {PER}, {JOB}",
    "{HEADING}: {JOB} gesucht. Ansprechpartner {PER}.",
    "{HEADING} : {PER_FIRST} {PER_LAST}, {JOB}",
    "{HEADING}\n{PER}\n{JOB}\n{ORG}",
    "{PER}\n{JOB}\n{ORG}\n{ADDR_FULL}",
    "{PER} | {JOB} | {ORG} | {PHONE}",
    "Kundennummer: {CODE}\nVertragsnummer: {CODE2}\nBetreff: Kündigung",
    "Geburtsdatum: {DATE}\nGeburtsort: {CITY}\nStaatsangehörigkeit: deutsch",
    "Date de naissance : {DATE}\nLieu de naissance : {CITY}\nNationalité : française",
    "Fecha de nacimiento: {DATE}\nLugar de nacimiento: {CITY}\nNacionalidad: española",
    "Data di nascita: {DATE}\nLuogo di nascita: {CITY}\nCittadinanza: italiana",
    "Geboortedatum: {DATE}\nGeboorteplaats: {CITY}\nNationaliteit: Nederlandse",
    "Data urodzenia: {DATE}\nMiejsce urodzenia: {CITY}\nObywatelstwo: polskie",
    "{HEADING}\nBitte füllen Sie alle Felder aus und senden Sie das Formular ab.",
    "{HEADING}\nWir sind ein kleines Team aus Handwerkern und Designern.",
    "Zu verkaufen: Kinderbett aus Buche, Matratze neu, {PRICE} VB. Abholung nach Absprache.",
    "Kaltmiete {PRICE}, Nebenkosten extra, Balkon, Einbauküche, Keller.",
    "Rezept: Rinderrouladen mit Rotkohl und Klößen, dazu eine dunkle Soße.",
    "Produktdetails: Edelstahl, Fassungsvermögen 2 Liter, Farbe Schwarz, Garantie 2 Jahre.",
    "Tagesordnung: Begrüßung, Genehmigung des Protokolls, Bericht des Vorstands, Verschiedenes.",
    "{JOB} in Vollzeit, unbefristet, mit Homeoffice-Möglichkeit.",
    "{HEADING}\nNous sommes une entreprise familiale fondée il y a trente ans.",
    "À vendre : table en chêne massif, six chaises, {PRICE}. À récupérer sur place.",
    "Recette : Bœuf bourguignon, Gratin dauphinois et Tarte Tatin pour le dessert.",
    "Caractéristiques : Puissance 1200 W, Réservoir amovible, Garantie deux ans.",
    "Ordre du jour : Approbation des comptes, Travaux de toiture, Questions diverses.",
    "{JOB} (H/F) en CDI, temps plein, Avantages : mutuelle et tickets restaurant.",
    "{HEADING}\nSomos una empresa familiar con más de veinte años de experiencia.",
    "Se vende sofá cama, muy buen estado, {PRICE}. Recogida en mano.",
    "Receta: Tortilla de patatas, Gazpacho andaluz y Crema catalana.",
    "Orden del día: Lectura del acta anterior, Presupuesto, Ruegos y preguntas.",
    "{HEADING}\nSiamo un'azienda artigiana nata nel cuore della Toscana.",
    "Vendesi divano letto, ottime condizioni, {PRICE}. Ritiro a mano.",
    "Ricetta: Ossobuco alla Milanese con Risotto allo Zafferano.",
    "Ordine del giorno: Approvazione del Bilancio, Lavori straordinari, Varie ed eventuali.",
    "{HEADING}\nWij zijn een klein team met een grote passie voor fietsen.",
    "Te koop: eettafel met vier stoelen, {PRICE}. Ophalen op afspraak.",
    "Agenda: Opening, Notulen vorige vergadering, Begroting, Rondvraag.",
    "{HEADING}\nJesteśmy rodzinną firmą z tradycjami.",
    "Sprzedam rower miejski, stan bardzo dobry, {PRICE}. Odbiór osobisty.",
    "{HEADING}\nSomos uma empresa familiar fundada em Lisboa há trinta anos.",
    "{HEADING}\nVi är ett litet företag med stora ambitioner.",
    "Säljes: bokhylla i ek, {PRICE}. Hämtas på plats.",
    "{HEADING}\nOtevírací doba: pondělí až pátek 8–17.",
    "{JOB}, {JOB2}, {JOB3}: positions open until the end of the month.",
    "Skills: Kotlin, PostgreSQL, Kubernetes, Terraform, React, GraphQL.",
    "Sprachen: Deutsch (Muttersprache), Englisch (C1), Französisch (B2).",
    "Langues : Français (langue maternelle), Anglais (courant), Espagnol (notions).",
    "Board: Chair, Treasurer, Secretary, Head of Human Resources.",
]

HARD_HELDOUT = [
    "{HEADING}\nAlle Preise inklusive Mehrwertsteuer.",
    "{HEADING}\nLivraison offerte dès 50 euros d'achat.",
    "{JOB} gesucht, Teilzeit, ab sofort.",
    "Vendo armario de pino, {PRICE}.",
]
