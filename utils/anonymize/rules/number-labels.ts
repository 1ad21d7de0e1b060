import { wordAlternation } from './match';

// Labels that number a thing rather than a person: an order, an invoice, a parcel, an article, a
// booking, a room, a listing. A number after one is neither a phone number nor a personal identifier. Stems: a
// word starting with one counts ("Bestellung", "Rechnungsnummer", "takip"), typed with its diacritics or
// without them ("zamowienie", "objednavka").
const THING_STEMS = [
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
  // listings and adverts, purchase orders
  'listing', 'inserat', 'anzeigen-nr', 'annonce', 'anuncio', 'annuncio', 'advert', 'advertentie', 'ogłoszeni', 'inzerát',
  'purchase order', 'po number', 'po no', 'po #', 'p.o. number', 'p.o. no',
  // the same in other scripts
  'заказ', 'замовлення', 'посылк', 'посилк', 'отправлени', 'трек', 'накладн', 'παραγγελ', 'αποστολ', 'τιμολόγι',
  '注文', '订单', '訂單', '快递', '運單', '运单', 'طلب', 'شحنة', 'فاتورة', 'הזמנה', 'משלוח',
];
// Letters that NFD does not take apart.
const UNDECOMPOSED: Record<string, string> = { ł: 'l', Ł: 'L', ı: 'i', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss' };
const bare = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁıøØđĐß]/gu, (c) => UNDECOMPOSED[c]!);
export const THING_NUMBER_STEMS = wordAlternation([...THING_STEMS, ...THING_STEMS.map(bare)]);

// The words that say "number" after a label, in the major European languages and beyond.
export const NUMBER_WORDS = wordAlternation([
  'no.', 'no', 'nr.', 'nr', 'n°', 'nº', 'n.', '#', '№', 'number', 'nummer', 'numéro', 'número', 'numero', 'numer', 'číslo', 'szám',
  'numara', 'numarası', 'numaranız', 'αριθμός', 'номер', '번호',
]);
