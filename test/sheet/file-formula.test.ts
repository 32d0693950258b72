/**
 * How a plan formula is stored in an .xlsx file and read back (src/sheet/file-formula.ts), on
 * formulas written here: the built templates are checked in test/sheet/templates.test.ts.
 */
import { EXCEL_FUTURE_FUNCTIONS, fileFunctionPrefix, fromFileFormula, toFileFormula } from '../../src/sheet/file-formula';

describe('the future functions of [MS-XLSX] §2.2.3', () => {
  it('are upper-case function names, each once, in alphabetical order', () => {
    for (const name of EXCEL_FUTURE_FUNCTIONS) expect(name).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*$/);
    expect(new Set(EXCEL_FUTURE_FUNCTIONS).size).toBe(EXCEL_FUTURE_FUNCTIONS.length);
    expect([...EXCEL_FUTURE_FUNCTIONS].sort()).toEqual(EXCEL_FUTURE_FUNCTIONS);
  });

  it.each([
    ['STDEV.S', '_xlfn.'],
    ['stdev.s', '_xlfn.'],
    ['XLOOKUP', '_xlfn.'],
    ['ACOT', '_xlfn.'],
    ['Z.TEST', '_xlfn.'],
    ['FILTER', '_xlfn._xlws.'],
    ['SORT', '_xlfn._xlws.'],
    ['PY', '_xlfn._xlws.'],
    ['SORTBY', '_xlfn.'],
    ['STDEV', ''],
    ['SUM', ''],
    ['IF', ''],
    ['ITCOST.BLOCKVALUE', ''],
  ])('%s is stored with the prefix "%s"', (name, prefix) => {
    expect(fileFunctionPrefix(name)).toBe(prefix);
  });
});

describe('a plan formula as stored in a file (toFileFormula) and back (fromFileFormula)', () => {
  it.each([
    ['=SUM(A1:A3)', 'SUM(A1:A3)'],
    ['=STDEV.S(log)/AVERAGE(log)', '_xlfn.STDEV.S(log)/AVERAGE(log)'],
    ['=SORT(FILTER(A1:A9,B1:B9>0))', '_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A9,B1:B9>0))'],
    ['=ITCOST.BREAKEVEN(rate,hours,price)', '_xldudf_ITCOST_BREAKEVEN(rate,hours,price)'],
    ['=itcost.blockvalue(a,b,c,d)', '_xldudf_ITCOST_BLOCKVALUE(a,b,c,d)'],
    ['=IF(n<2,0,STDEV.S(log)/ITCOST.BREAKEVEN(a,b,c))', 'IF(n<2,0,_xlfn.STDEV.S(log)/_xldudf_ITCOST_BREAKEVEN(a,b,c))'],
    // Text that mentions a function stays as typed, "" escapes included.
    ['=IF(x,"STDEV.S(","ITCOST.BREAKEVEN(")', 'IF(x,"STDEV.S(","ITCOST.BREAKEVEN(")'],
    ['=CONCAT("say ""STDEV.S(x)"" ",STDEV.S(y))', '_xlfn.CONCAT("say ""STDEV.S(x)"" ",_xlfn.STDEV.S(y))'],
    // A quoted sheet name, '' escapes included, is not a call.
    ["='STDEV.S(x)'!A1+STDEV.S(y)", "'STDEV.S(x)'!A1+_xlfn.STDEV.S(y)"],
    ["='it''s STDEV.S('!A1", "'it''s STDEV.S('!A1"],
    // A name only starts where the previous character cannot continue one.
    ['=MYSTDEV.S(x)+A.STDEV.S(y)+$STDEV.S(z)', 'MYSTDEV.S(x)+A.STDEV.S(y)+$STDEV.S(z)'],
    ['=ITCOST.BREAKEVEN.X(a)+XITCOST.BREAKEVEN(b)', 'ITCOST.BREAKEVEN.X(a)+XITCOST.BREAKEVEN(b)'],
    // Only the leading "=" goes.
    ['=A1=B1', 'A1=B1'],
    ['A1', 'A1'],
    ['A1=B1', 'A1=B1'],
  ])('%s is stored as %s, and reads back as typed', (typed, stored) => {
    expect(toFileFormula(typed)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(typed.startsWith('=') ? typed.replace(/itcost\.blockvalue/, 'ITCOST.BLOCKVALUE') : `=${typed}`);
  });

  it.each([
    ['_xlfn.STDEV.S(x)', '=STDEV.S(x)'],
    ['_XLFN._XLWS.SORT(x)', '=SORT(x)'],
    ['_xldudf_itcost_breakeven(a)', '=ITCOST.BREAKEVEN(a)'],
    ['X_xlfn.STDEV.S(x)', '=X_xlfn.STDEV.S(x)'],
    ['MY_xldudf_ITCOST_BREAKEVEN(a)', '=MY_xldudf_ITCOST_BREAKEVEN(a)'],
    ['_xldudf_ITCOST_BREAKEVEN2(a)', '=_xldudf_ITCOST_BREAKEVEN2(a)'],
    ['"_xlfn.STDEV.S(x)"&_xlfn.STDEV.S(y)', '="_xlfn.STDEV.S(x)"&STDEV.S(y)'],
  ])('the stored %s reads as %s', (stored, typed) => {
    expect(fromFileFormula(stored)).toBe(typed);
  });

  it('leaves an unterminated string as it is', () => {
    expect(toFileFormula('=STDEV.S(x)&"STDEV.S(')).toBe('_xlfn.STDEV.S(x)&"STDEV.S(');
  });
});
