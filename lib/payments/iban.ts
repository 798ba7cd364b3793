// IBAN checks for SEPA direct debit and bank transfers, done before anything reaches the processor. Pure: no
// I/O. A full IBAN is never shown back once it is stored: the checkout and the dashboard show maskIban().

/**
 * IBAN length by country (SWIFT IBAN registry, ISO 13616): every SEPA country and the other registry members.
 * French overseas territories, Åland and the Crown Dependencies use the FR, FI and GB prefixes, so they need
 * no rows of their own.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** "de89 3704 0044 0532 0130 00" as typed or pasted → "DE89370400440532013000". */
export function normalizeIban(text: string): string {
  return text.replace(/\s/g, "").toUpperCase();
}

/** The country of an IBAN whose prefix is a known IBAN country, checksum or not (check ibanValid first). */
export function ibanCountry(text: string): string | null {
  const country = normalizeIban(text).slice(0, 2);
  return Object.hasOwn(IBAN_LENGTHS, country) ? country : null;
}

/**
 * ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end, letters read as 10–35.
 * The remainder is carried one character at a time, so the number (up to 66 digits) is never built.
 */
function mod97(rearranged: string): number {
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

export function ibanValid(text: string): boolean {
  const iban = normalizeIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const country = ibanCountry(iban);
  if (country === null || iban.length !== IBAN_LENGTHS[country]) return false;
  // Check digits are always 02–98; "00", "01" and "99" can satisfy mod 97 but are never issued.
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/**
 * What to show of an IBAN that was debited: "DE•• •••• 3000". Only the country and the last four characters,
 * like a card's last4; anything too short to hide a part of is masked entirely.
 */
export function maskIban(iban: string): string {
  const normalized = normalizeIban(iban);
  if (!/^[A-Z]{2}[A-Z0-9]{10,}$/.test(normalized)) return "•••• ••••";
  return `${normalized.slice(0, 2)}•• •••• ${normalized.slice(-4)}`;
}
