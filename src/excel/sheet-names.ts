/* Names for a new sheet that Excel accepts: "IT cost scenario", "IT cost scenario (2)", … */

/** Excel's limit on a sheet name, counted as Excel counts it: in UTF-16 code units. */
const MAX_SHEET_NAME_UNITS = 31;
/** Characters Excel does not allow in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/g;
/** Excel reserves "History" (any case) for its change tracking. */
const RESERVED = 'history';
/** The base used when nothing of the given one is left. */
const FALLBACK_BASE = 'ITCost';
/** The most " (n)" suffixes tried before giving up on finding a free sheet name. */
const MAX_NAME_ATTEMPTS = 100;

/** The longest start of `text` within `units` UTF-16 units that does not cut a surrogate pair. */
function fitWithin(text: string, units: number): string {
  let fitted = '';
  for (const codePoint of text) {
    if (fitted.length + codePoint.length > units) break;
    fitted += codePoint;
  }
  return fitted;
}

/** Control characters, and half of a surrogate pair without the other half: text, but no name. */
function isPrintable(codePoint: string): boolean {
  const unit = codePoint.charCodeAt(0);
  const loneSurrogate = codePoint.length === 1 && unit >= 0xd800 && unit <= 0xdfff;
  return unit > 0x1f && unit !== 0x7f && !loneSurrogate;
}

/** The base without what Excel refuses: forbidden characters, lone surrogates, apostrophes first. */
function cleanBase(baseName: string): string {
  // Iterating a string yields whole code points; a lone surrogate comes out on its own.
  const printable = Array.from(baseName).filter(isPrintable).join('');
  const cleaned = printable.replace(FORBIDDEN, '').replace(/^[\s']+/, '').trimEnd();
  return cleaned === '' ? FALLBACK_BASE : cleaned;
}

/** The n-th candidate (n ≥ 1): the base alone, then the base cut to leave room for " (n)". */
function candidate(base: string, n: number): string {
  if (n === 1) return fitWithin(base, MAX_SHEET_NAME_UNITS).replace(/[\s']+$/, '');
  const suffix = ` (${n})`;
  return `${fitWithin(base, MAX_SHEET_NAME_UNITS - suffix.length).trimEnd()}${suffix}`;
}

/**
 * `count` distinct names Excel accepts for a new sheet, in the order to try them: the base name,
 * then "base (2)", "base (3)", … Each is 1 to 31 UTF-16 units long, cut only between whole
 * characters (never inside an emoji), without : \ / ? * [ ], with no apostrophe first or last,
 * and never the reserved "History".
 *
 * @example
 * candidateSheetNames('IT cost scenario', 3)
 * //=> ['IT cost scenario', 'IT cost scenario (2)', 'IT cost scenario (3)']
 */
export function candidateSheetNames(baseName: string, count = MAX_NAME_ATTEMPTS): string[] {
  const base = cleanBase(baseName);
  const names: string[] = [];
  // Excel compares sheet names without regard to case.
  const seen = new Set<string>();
  for (let n = 1; names.length < count; n += 1) {
    const name = candidate(base, n);
    const key = name.toLowerCase();
    if (name === '' || key === RESERVED || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
