import { wordAlternation } from './match';

// Labels that number a thing rather than a person: an order, an invoice, a parcel, an article, a
// booking, a room. A number after one is neither a phone number nor a personal identifier. Stems: a
// word starting with one counts ("Bestellung", "Rechnungsnummer", "takip").
export const THING_NUMBER_STEMS = wordAlternation([
  // orders, invoices, receipts, payments
  'order', 'bestell', 'auftrag', 'commande', 'pedido', 'ordine', 'bestelling', 'zamówieni', 'objednávk', 'sipariş', 'rendelés',
  'invoice', 'rechnung', 'facture', 'factura', 'fattura', 'factuur', 'faktur', 'fatura', 'számla',
  'receipt', 'beleg', 'quittung', 'reçu', 'recibo', 'ricevuta', 'bon', 'kassenbon', 'transaction', 'transaktion',
  'confirmation', 'bestätigung', 'conferma', 'confirmación',
  // deliveries and parcels
  'tracking', 'sendung', 'paket', 'parcel', 'colis', 'envío', 'envio', 'spedizione', 'zending', 'pakket', 'przesyłk', 'zásilk',
  'kargo', 'takip', 'lieferschein', 'lieferung', 'livraison', 'albarán', 'shipment', 'delivery', 'waybill', 'awb',
  '송장', '운송장', '주문',
  // articles and products
  'artikel', 'art.-nr', 'art-nr', 'art. nr', 'article', 'artículo', 'articolo', 'item', 'produkt', 'product', 'producto', 'prodotto',
  'model', 'modell', 'modèle', 'modelo', 'modello', 'part', 'sku', 'ean', 'gtin', 'upc', 'isbn', 'serial', 'serien', 'serie', 'série',
  // bookings, tickets, cases
  'booking', 'buchung', 'réservation', 'reservation', 'reserva', 'prenotazione', 'boeking', 'rezerwacj', 'rezervac', 'rezervasyon',
  'ticket', 'billet', 'biglietto', 'billete', 'vorgang', 'case', 'incident', 'request', 'ref', 'réf',
  // batches, tables, projects, issues of a publication
  'losnummer', 'lot', 'charge', 'batch', 'tisch', 'table', 'projekt', 'project', 'episode', 'folge', 'ausgabe', 'issue', 'volume', 'heft',
  // rooms, seats, transport, pages and versions
  'room', 'zimmer', 'chambre', 'habitación', 'camera', 'kamer', 'haus', 'house', 'seat', 'sitz', 'platz', 'flight', 'flug', 'vol',
  'vuelo', 'volo', 'train', 'zug', 'bus', 'gleis', 'platform', 'page', 'seite', 'chapter', 'kapitel', 'version', 'build', 'release',
]);

// The words that say "number" after a label, in the major European languages and beyond.
export const NUMBER_WORDS = wordAlternation([
  'no.', 'no', 'nr.', 'nr', 'n°', 'nº', 'n.', '#', '№', 'number', 'nummer', 'numéro', 'número', 'numero', 'numer', 'číslo', 'szám',
  'numara', 'numarası', 'numaranız', 'αριθμός', 'номер', '번호',
]);
