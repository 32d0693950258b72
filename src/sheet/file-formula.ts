/**
 * How a plan formula is stored in an .xlsx file, and back. Plans hold formulas as a person types
 * them in English Excel ("=STDEV.S(history)", "=ITCOST.BLOCKVALUE(…)"), which is also what the
 * Excel API's Range.formulas takes. A file stores them differently:
 * - without the leading "=";
 * - calls to an add-in's custom functions as `_xldudf_` + namespace + `_` + name
 *   (`_xldudf_ITCOST_BLOCKVALUE(`; see README, "Templates");
 * - functions added after Excel 2007 with the `_xlfn.` prefix (`_xlfn.STDEV.S(`). Without it,
 *   Excel and LibreOffice read an unknown name and show #NAME? on recalculation.
 */

/**
 * The "future functions" of [MS-XLSX] §2.2.3 (Excel (.xlsx) Extensions to the Office Open XML
 * SpreadsheetML File Format, "Functions"): functions newer than the predefined set of
 * ISO/IEC 29500-1 §18.17.7, stored as `_xlfn.NAME`. FILTER and SORT also carry `_xlws.`.
 */
export const EXCEL_FUTURE_FUNCTIONS: readonly string[] = [
  'ACOT', 'ACOTH', 'AGGREGATE', 'ANCHORARRAY', 'ARABIC', 'ARRAYTOTEXT', 'BASE', 'BETA.DIST', 'BETA.INV',
  'BINOM.DIST', 'BINOM.DIST.RANGE', 'BINOM.INV', 'BITAND', 'BITLSHIFT', 'BITOR', 'BITRSHIFT', 'BITXOR',
  'BYCOL', 'BYROW', 'CEILING.MATH', 'CEILING.PRECISE', 'CHISQ.DIST', 'CHISQ.DIST.RT', 'CHISQ.INV',
  'CHISQ.INV.RT', 'CHISQ.TEST', 'CHOOSECOLS', 'CHOOSEROWS', 'COMBINA', 'CONCAT', 'CONFIDENCE.NORM',
  'CONFIDENCE.T', 'COT', 'COTH', 'COVARIANCE.P', 'COVARIANCE.S', 'CSC', 'CSCH', 'DAYS', 'DECIMAL', 'DROP',
  'ERF.PRECISE', 'ERFC.PRECISE', 'EXPAND', 'EXPON.DIST', 'F.DIST', 'F.DIST.RT', 'F.INV', 'F.INV.RT', 'F.TEST',
  'FIELDVALUE', 'FILTER', 'FILTERXML', 'FLOOR.MATH', 'FLOOR.PRECISE', 'FORECAST.ETS', 'FORECAST.ETS.CONFINT',
  'FORECAST.ETS.SEASONALITY', 'FORECAST.ETS.STAT', 'FORECAST.LINEAR', 'FORMULATEXT', 'GAMMA', 'GAMMA.DIST',
  'GAMMA.INV', 'GAMMALN.PRECISE', 'GAUSS', 'GROUPBY', 'HSTACK', 'HYPGEOM.DIST', 'IFNA', 'IFS', 'IMAGE',
  'IMCOSH', 'IMCOT', 'IMCSC', 'IMCSCH', 'IMSEC', 'IMSECH', 'IMSINH', 'IMTAN', 'ISFORMULA', 'ISOMITTED',
  'ISOWEEKNUM', 'LAMBDA', 'LET', 'LOGNORM.DIST', 'LOGNORM.INV', 'MAKEARRAY', 'MAP', 'MAXIFS', 'MINIFS',
  'MODE.MULT', 'MODE.SNGL', 'MUNIT', 'NEGBINOM.DIST', 'NORM.DIST', 'NORM.INV', 'NORM.S.DIST', 'NORM.S.INV',
  'NUMBERVALUE', 'PDURATION', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'PERCENTOF', 'PERCENTRANK.EXC',
  'PERCENTRANK.INC', 'PERMUTATIONA', 'PHI', 'PIVOTBY', 'POISSON.DIST', 'PY', 'QUARTILE.EXC', 'QUARTILE.INC',
  'QUERYSTRING', 'RANDARRAY', 'RANK.AVG', 'RANK.EQ', 'REDUCE', 'REGEXEXTRACT', 'REGEXREPLACE', 'REGEXTEST',
  'RRI', 'SCAN', 'SEC', 'SECH', 'SEQUENCE', 'SHEET', 'SHEETS', 'SINGLE', 'SKEW.P', 'SORT', 'SORTBY',
  'STDEV.P', 'STDEV.S', 'STOCKHISTORY', 'SWITCH', 'T.DIST', 'T.DIST.2T', 'T.DIST.RT', 'T.INV', 'T.INV.2T',
  'T.TEST', 'TAKE', 'TEXTAFTER', 'TEXTBEFORE', 'TEXTJOIN', 'TEXTSPLIT', 'TOCOL', 'TOROW', 'UNICHAR',
  'UNICODE', 'UNIQUE', 'VALUETOTEXT', 'VAR.P', 'VAR.S', 'VSTACK', 'WEBSERVICE', 'WEIBULL.DIST', 'WRAPCOLS',
  'WRAPROWS', 'XLOOKUP', 'XMATCH', 'XOR', 'Z.TEST',
];

/** Future functions that Excel stores in the worksheet-function namespace as well, `_xlfn._xlws.NAME`. */
const WORKSHEET_NAMESPACE = new Set(['FILTER', 'PY', 'SORT']);
const FUTURE = new Set(EXCEL_FUTURE_FUNCTIONS);

/** The prefix a function carries in a file: `_xlfn.`, `_xlfn._xlws.` or none. */
export function fileFunctionPrefix(name: string): string {
  const upper = name.toUpperCase();
  if (!FUTURE.has(upper)) return '';
  return WORKSHEET_NAMESPACE.has(upper) ? '_xlfn._xlws.' : '_xlfn.';
}

/**
 * Rewrites every function call outside string literals: `rename(name)` gives what to write
 * before the "(" instead of the name. String literals ("…", with "" for a quote) and quoted
 * sheet names ('…') pass through untouched, so text that mentions a function stays as typed.
 */
function rewriteCalls(formula: string, rename: (name: string) => string): string {
  const call = /([A-Za-z_][A-Za-z0-9_.]*)\(/y;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A name starts where the previous character cannot continue one (not a letter, digit, _ . or $).
    call.lastIndex = i;
    const match = /[A-Za-z0-9_.$]/.test(formula[i - 1] ?? '') ? null : call.exec(formula);
    if (match) {
      out += `${rename(match[1])}(`;
      i += match[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/**
 * A plan formula as it is stored in an .xlsx file: no "=", ITCOST.X as `_xldudf_ITCOST_X`, and
 * the `_xlfn.` prefix on functions newer than Excel 2007.
 *
 * @example
 * toFileFormula('=IF(n<2,0,STDEV.S(log)/ITCOST.BREAKEVEN(a,b,c))')
 * //=> 'IF(n<2,0,_xlfn.STDEV.S(log)/_xldudf_ITCOST_BREAKEVEN(a,b,c))'
 */
export function toFileFormula(formula: string): string {
  return rewriteCalls(formula.replace(/^=/, ''), (name) => {
    const itcost = /^ITCOST\.([A-Z]+)$/i.exec(name);
    if (itcost) return `_xldudf_ITCOST_${itcost[1].toUpperCase()}`;
    return `${fileFunctionPrefix(name)}${name}`;
  });
}

/**
 * The inverse of {@link toFileFormula}: a stored formula as typed, e.g. for a formula engine
 * whose parser takes neither prefixes nor names that start with "_".
 *
 * @example
 * fromFileFormula('IF(n<2,0,_xlfn.STDEV.S(log)/_xldudf_ITCOST_BREAKEVEN(a,b,c))')
 * //=> '=IF(n<2,0,STDEV.S(log)/ITCOST.BREAKEVEN(a,b,c))'
 */
export function fromFileFormula(stored: string): string {
  return `=${rewriteCalls(stored, (name) => {
    const itcost = /^_xldudf_ITCOST_([A-Z]+)$/i.exec(name);
    if (itcost) return `ITCOST.${itcost[1].toUpperCase()}`;
    return name.replace(/^_xlfn\.(_xlws\.)?/i, '');
  })}`;
}
