/**
 * Text folding for place search. Operators type on Chinese IMEs that switch between full-width and
 * half-width forms (ＳＨ２３１ vs S231, （ vs (), add stray spaces, and mix case in road numbers.
 */

/** NFKC (full-width → half-width, compatibility forms), lower case, all whitespace removed. */
export function foldPlaceText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Only the digits of a text, after folding: how an operator types a grid code's tail. */
export function digitsOnly(text: string): string {
  return foldPlaceText(text).replace(/[^0-9]/g, '');
}
