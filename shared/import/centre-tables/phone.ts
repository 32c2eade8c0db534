/**
 * Phone numbers as Chinese sheets write them: a mobile (11 digits from 13–19, perhaps with +86, spaces or
 * dashes), a landline with its area code (`0523-83212345`, `(0523) 8321 2345`, `010-12345678转801`), a
 * local landline without one (7 or 8 digits), or a 5-digit service line (`12319`, `95598`).
 */

/**
 * The number in one canonical spelling (mobile: 11 digits; landline: `area-number`, an extension after a
 * second dash; others as digits), or null when the text is not a phone number. Area codes starting
 * 01 or 02 have three digits (010 Beijing, 02x), the others four (0523 Taizhou).
 */
export function parsePhone(text: string): string | null {
  const raw = text.normalize('NFKC').trim();
  const [main = '', extension, ...more] = raw.split(/转|ext\.?|x(?=\d)/i);
  if (more.length > 0) return null;
  const ext = extension === undefined ? '' : extension.replace(/[\s-]/g, '');
  if (ext !== '' && !/^\d{1,6}$/.test(ext)) return null;
  if (!/^[\d\s\-+().]+$/.test(main)) return null;
  let digits = main.replace(/[\s().-]/g, '');
  const country = /^(?:\+|00)?86/;
  if (country.test(digits)) {
    const national = digits.replace(country, '');
    // A mobile after the country code; a landline after +86 or 0086 gets its trunk 0 back. A bare 86
    // before anything but a mobile is left alone: it may begin a local number.
    if (/^1\d{10}$/.test(national)) digits = national;
    else if (/^(?:\+|00)86/.test(digits)) digits = `0${national}`;
  }
  if (digits.includes('+')) return null;
  const suffix = ext === '' ? '' : `-${ext}`;
  if (/^1[3-9]\d{9}$/.test(digits)) return ext === '' ? digits : null;
  if (/^0[12]\d{8,9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3)}${suffix}`;
  if (/^0[3-9]\d{9,10}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}${suffix}`;
  if (/^[2-9]\d{6,7}$/.test(digits)) return digits + suffix;
  if (/^[19]\d{4}$/.test(digits)) return ext === '' ? digits : null;
  return null;
}
