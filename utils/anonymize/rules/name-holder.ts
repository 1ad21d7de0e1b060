import type { Span } from '../types';
import { titleSource } from './honorifics';
import { caseless, matchSpans, wordAlternation } from './match';
import { FULL, NAME_PARTICLE_START, trimNonNames } from './person-context';

// Phrases that put a person's name on a thing: an account, a payment, a booking, a doorbell, a letter
// ("au nom de …", "intestato a …", "Kontoinhaber …", "table for 4 under …", "citofono …", "c/o …").
// What follows them is a name whether or not the model knows it, with or without a colon.
const HOLDER = [
  // accounts and payments
  'in the name of', 'on behalf of', 'account holder', 'account name', 'cardholder', 'card holder', 'name on the card', 'payee',
  'kontoinhaber', 'kontoinhaberin', 'im namen von', 'auf den namen', 'auf den namen von', 'lautend auf', 'zugunsten von',
  'au nom de', "à l'ordre de", 'au bénéfice de', 'titulaire du compte', 'a nombre de', 'titular de la cuenta', 'a favor de',
  'a nome di', 'intestato a', 'intestata a', 'intestatario', 'intestataria', 'em nome de', 'op naam van', 'ten name van',
  't.n.v.', 'rekeninghouder', 'na nazwisko', 'na rzecz', 'właściciel konta', 'na jméno', 'majitel účtu', 'i namnet',
  'på namnet', 'kontoinnehavare', 'på navnet', 'kontohaver', 'kontoinnehaver', 'hesap sahibi', 'pe numele', 'titularul contului',
  'számlatulajdonos',
  // bookings
  'reservation under', 'booking under', 'booked under', 'reserved under', 'table under', 'reserviert auf', 'reserviert unter',
  'reservierung auf', 'réservé au nom de', 'réservation au nom de', 'reservado a nombre de', 'reserva a nombre de',
  'prenotato a nome di', 'prenotazione a nome di', 'gereserveerd op naam van', 'bokat på', 'rezerwacja na',
  // doorbells and letters for someone else
  'c/o', 'care of', 'z. hd.', 'z.hd.', 'zu händen', 'zu händen von', "à l'attention de", 'a la atención de',
  "all'attenzione di", 'alla c.a.', 't.a.v.', 'citofono', 'campanello', 'klingel', 'klingelschild', 'sonnette', 'interphone',
  'buzzer', 'doorbell', 'domofon', 'portero', 'ringklocka', 'dörrklocka',
];
// "table for 4 under …", "Tisch für 2 unter …", "mesa para 6 a nombre de …"
const TABLE = String.raw`(?:table|tisch|mesa|tavolo|tafel|bord|stolik) (?:for|für|para|per|voor|för|dla) \d{1,2} (?:under|unter|a nombre de|a nome di|op naam van|på|na)`;
const HONORIFIC = String.raw`(?:${titleSource('before name')})\.?\s+`;

const HOLDER_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:${wordAlternation(HOLDER)}|${caseless(TABLE)})(?![\p{L}])\s*:?\s*(?:${HONORIFIC})?(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);

export function nameHolderSpans(text: string): Span[] {
  return matchSpans(text, HOLDER_NAME, 'PERSON', () => true, 1).flatMap((s) => trimNonNames(text, s));
}
