import { COMPARE_LIMITS, positionalArguments, recommend } from '../../src/model';
import { functionExamples } from '../../src/taskpane/examples';

describe('the function guide', () => {
  it('shows for RECOMMEND what its formula, typed in a cell, would return', () => {
    const example = functionExamples().find((e) => e.name === 'RECOMMEND');
    const list = /^=ITCOST\.RECOMMEND\((.*)\)$/.exec(example?.formula ?? '');
    if (!example || !list) throw new Error('no RECOMMEND example');
    const typed = list[1].split(',').map((a) => (a.trim() === '' ? null : Number(a)));
    expect(example.result).toEqual(recommend(positionalArguments(COMPARE_LIMITS, typed)));
    expect(example.result).toMatchObject({ ok: true, value: expect.stringMatching(/^Buy the prepaid block\. /) });
  });
});
