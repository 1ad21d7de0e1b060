import { describe, expect, it } from 'vitest';
import { addressSpans } from '../../../utils/anonymize/rules/address';
import { cardSpans, luhnValid } from '../../../utils/anonymize/rules/card';
import { emailSpans } from '../../../utils/anonymize/rules/email';
import { ibanSpans, ibanValid } from '../../../utils/anonymize/rules/iban';
import { idSpans } from '../../../utils/anonymize/rules/id';
import { ipSpans } from '../../../utils/anonymize/rules/ip';
import { personContextSpans } from '../../../utils/anonymize/rules/person-context';
import { phoneSpans } from '../../../utils/anonymize/rules/phone';
import { postcodeSpans } from '../../../utils/anonymize/rules/postcode';
import { secretSpans } from '../../../utils/anonymize/rules/secret';
import { ssnSpans } from '../../../utils/anonymize/rules/ssn';
import { urlSpans } from '../../../utils/anonymize/rules/url';
import { walletSpans } from '../../../utils/anonymize/rules/wallet';
import { found } from '../support/rule-spans';

/** The substrings a rule flags. */

describe('email', () => {
  it('finds plain and obfuscated addresses', () => {
    expect(found(emailSpans, 'write to chinonso.eze+news@mail.example.co.uk today')).toEqual(['chinonso.eze+news@mail.example.co.uk']);
    expect(found(emailSpans, 'reach me: priya [at] proton [dot] me')).toEqual(['priya [at] proton [dot] me']);
  });
  it('ignores @mentions and "at" in prose', () => {
    expect(found(emailSpans, 'meet @ 5pm, we are at home at noon')).toEqual([]);
  });
});

describe('phone', () => {
  it.each([
    ['Call me on +44 20 7946 0958 tonight', '+44 20 7946 0958'],
    ['Tel: (415) 555-2671', '(415) 555-2671'],
    ['Ruf an: 030 12345678', '030 12345678'],
    ['mon portable 06 12 34 56 78', '06 12 34 56 78'],
    ['WhatsApp +234 803 123 4567', '+234 803 123 4567'],
    ['+91 98765 43210 is my cell', '+91 98765 43210'],
    ['dial 0049 30 901820', '0049 30 901820'],
    ['te llamo al 612 345 678 mañana', '612 345 678'],
  ])('finds the number in %j', (text, number) => {
    expect(found(phoneSpans, text)).toEqual([number]);
  });
  it.each([
    'Order #123456789 shipped on 2024-05-12',
    'The invoice is $1,299.99, or 1299.99 in total',
    'Meeting on 12.05.2024 at 10:30',
    'Population 1.234.567 in 2020',
    'pages 1200-1250',
    'order number 4155552671',
    'price: € 1 234 567',
    'server 192.168.10.20',
    'the city has 1 234 567 inhabitants',
    'rate limited 2001:db8::1 (429)',
  ])('does not flag %j', (text) => {
    expect(found(phoneSpans, text)).toEqual([]);
  });
});

describe('card', () => {
  it('accepts Luhn-valid numbers in common groupings', () => {
    expect(found(cardSpans, 'card 4111 1111 1111 1111 exp 12/29')).toEqual(['4111 1111 1111 1111']);
    expect(found(cardSpans, 'amex 3782-822463-10005')).toEqual(['3782-822463-10005']);
    expect(found(cardSpans, '5555555555554444')).toEqual(['5555555555554444']);
  });
  it('rejects order numbers that fail Luhn', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(found(cardSpans, 'order 4111 1111 1111 1112 is late')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('accepts valid IBANs, grouped or compact', () => {
    expect(found(ibanSpans, 'IBAN: DE89 3704 0044 0532 0130 00 please')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found(ibanSpans, 'pay GB82WEST12345698765432.')).toEqual(['GB82WEST12345698765432']);
  });
  it('rejects a bad checksum without an IBAN label', () => {
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(found(ibanSpans, 'ref DE89 3704 0044 0532 0130 01')).toEqual([]);
  });
});

describe('SSN', () => {
  it('accepts valid SSNs and bare nine digits only with context', () => {
    expect(found(ssnSpans, 'SSN 123-45-6789')).toEqual(['123-45-6789']);
    expect(found(ssnSpans, 'my social security no is 123456789')).toEqual(['123456789']);
    expect(found(ssnSpans, 'tracking 123456789')).toEqual([]);
  });
  it.each(['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])('excludes never-issued %s', (ssn) => {
    expect(found(ssnSpans, `SSN ${ssn}`)).toEqual([]);
  });
});

describe('IP', () => {
  it('finds IPv4 and IPv6', () => {
    expect(found(ipSpans, 'from 203.0.113.7, then 2001:db8::8a2e:370:7334 and ::1')).toEqual(['203.0.113.7', '2001:db8::8a2e:370:7334', '::1']);
  });
  it('skips versions, out-of-range octets and clock times', () => {
    expect(found(ipSpans, 'version 1.2.3.4, v10.0.0.1, 999.1.1.1, 1.2.3.4.5 at 12:30:45, update to 3.0.8.21')).toEqual([]);
  });
});

describe('URL', () => {
  it('keeps the host and redacts path, query and fragment', () => {
    const text = 'see https://www.linkedin.com/in/ngozi-okafor?trk=x#top.';
    expect(found(urlSpans, text)).toEqual(['/in/ngozi-okafor?trk=x#top']);
  });
  it('redacts user-info and leaves bare hosts alone', () => {
    expect(found(urlSpans, 'ftp://wei:pa55@files.example.cn/ and https://example.org/')).toEqual(['wei:pa55@']);
    expect(found(urlSpans, 'postgres://app:s3cret@db:5432/prod')).toEqual(['app:s3cret@', '/prod']);
  });
});

describe('secrets', () => {
  it.each([
    'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1w',
    'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
    'AKIAIOSFODNN7EXAMPLE',
    'xoxb-123456789012-abcdefABCDEF',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'Zq8Xr2LmP9vT4nB7wK3sD6fH1jY5',
  ])('flags %s', (secret) => {
    expect(found(secretSpans, `key: ${secret} `)).toContain(secret);
  });
  it('flags values assigned to credential keywords but not ordinary long words or git SHAs', () => {
    expect(found(secretSpans, 'password: hunter22.')).toEqual(['hunter22']);
    expect(found(secretSpans, 'passcode 551820')).toEqual(['551820']);
    expect(found(secretSpans, 'The password must have 12 characters')).toEqual([]);
    expect(found(secretSpans, 'OPENAI_API_KEY=Zq8Xr2LmP9vT4nB7wK3sD6fH1jY5')).toEqual(['Zq8Xr2LmP9vT4nB7wK3sD6fH1jY5']);
    expect(found(secretSpans, 'internationalization_configuration and commit 9fceb02d0ae598e95dc970b74767f19372d61af8')).toEqual([]);
  });
});

describe('wallets', () => {
  it('finds ETH and checksummed BTC addresses', () => {
    const text = 'eth 0x52908400098527886E0F7030069857D2E4169EE7 btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq or 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    expect(found(walletSpans, text)).toEqual([
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    ]);
  });
  it('rejects addresses with a broken checksum', () => {
    expect(found(walletSpans, 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual([]);
  });
});

describe('addresses and postcodes', () => {
  it.each([
    ['lives at 1600 Pennsylvania Ave NW, Apt 4 now', '1600 Pennsylvania Ave NW, Apt 4'],
    ['flat above 221B Baker Street.', '221B Baker Street'],
    ['Wir wohnen Hauptstraße 5a in der Nähe', 'Hauptstraße 5a'],
    ['au 12 rue de la Paix', '12 rue de la Paix'],
    ['kantoor Keizersgracht 224 open', 'Keizersgracht 224'],
    ['vivo en Calle Mayor 12, Madrid', 'Calle Mayor 12, Madrid'],
    ['10 Downing Street, London. Then Tom left.', '10 Downing Street, London'],
    ['Flat 3, 27 Mill Lane, Cambridge, is mine', 'Flat 3, 27 Mill Lane, Cambridge'],
  ])('finds the street in %j', (text, street) => {
    expect(found(addressSpans, text)).toEqual([street]);
  });
  it('finds postcodes of several countries', () => {
    expect(found(postcodeSpans, 'London SW1A 2AA')).toEqual(['SW1A 2AA']);
    expect(found(postcodeSpans, 'Springfield, IL 62704')).toEqual(['Springfield, IL 62704']);
    expect(found(postcodeSpans, 'Torstraße 1, 10119 Berlin')).toEqual(['10119 Berlin']);
    expect(found(postcodeSpans, 'bezoek 1016 DZ')).toEqual(['1016 DZ']);
    expect(found(postcodeSpans, 'Toronto, ON M5H 2N2')).toEqual(['M5H 2N2']);
  });
  it('does not over-redact prose with numbers and street words', () => {
    const text = 'In 2019 we walked 5 miles down the main street, and 10000 People came. Room 12 Street view.';
    expect(found(addressSpans, text)).toEqual([]);
    expect(found(postcodeSpans, text)).toEqual([]);
  });
});

describe('identifiers and name context', () => {
  it('takes the value after an ID keyword and @handles', () => {
    expect(found(idSpans, 'Passport no: X1234567, follow @kwame_m')).toEqual(['X1234567', '@kwame_m']);
    expect(found(idSpans, 'the plan is simple')).toEqual([]);
    expect(found(idSpans, 'venmo @jake-ostrowski-7, posted by u/throwaway_83721')).toEqual(['@jake-ostrowski-7', 'u/throwaway_83721']);
    expect(found(idSpans, 'username: kwame.m but my login email is below')).toEqual(['kwame.m']);
  });
  it('finds names of any origin from their context', () => {
    expect(found(personContextSpans, 'Dear Dr. Oluwaseun Adebayo, thanks')).toEqual(['Oluwaseun Adebayo']);
    expect(found(personContextSpans, "Hi, I'm Xiaoling Zhang from support")).toEqual(['Xiaoling Zhang']);
    expect(found(personContextSpans, 'Regards, Bjørn Haugen')).toEqual(['Bjørn Haugen']);
    expect(found(personContextSpans, "Mr. Hiroshi Ben-David and Mrs. Dmitri O'Sullivan")).toEqual(['Hiroshi Ben-David', "Dmitri O'Sullivan"]);
  });
  it('ignores greetings to groups and non-names', () => {
    expect(found(personContextSpans, 'Dear Customer, Hi Team, I am Happy to help')).toEqual([]);
  });
});
