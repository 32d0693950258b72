import { linkedFills } from '../../src/taskpane/links';

const base = { hourlyRate: '100', blockHours: '20' };

describe('the fields a helper fills', () => {
  it('fills the price from a typed discount, and says so under the price', () => {
    const fills = linkedFills({ ...base, blockDiscount: '10' }, new Set(['blockDiscount']));
    expect(fills.texts).toEqual({ blockPrice: '1800', monthlyFee: '' });
    expect(fills.notes.blockPrice).toBe('Filled in from the 10% discount: hours × rate × (1 − discount). Type a price to set it yourself.');
  });

  it('never fills over a price the user typed: a discount typed after it, or cleared, leaves it alone', () => {
    expect(linkedFills({ ...base, blockPrice: '1700', blockDiscount: '10' }, new Set(['blockPrice', 'blockDiscount'])).texts).toEqual({ monthlyFee: '' });
    expect(linkedFills({ ...base, blockPrice: '1700', blockDiscount: '' }, new Set(['blockPrice'])).texts.blockPrice).toBeUndefined();
  });

  it('shows the discount a typed price amounts to, following the rate, but never over a typed discount', () => {
    expect(linkedFills({ ...base, blockPrice: '1700' }, new Set(['blockPrice'])).texts.blockDiscount).toBe('15');
    expect(linkedFills({ ...base, hourlyRate: '85', blockPrice: '1700' }, new Set(['blockPrice'])).texts.blockDiscount).toBe('0');
    expect(linkedFills({ ...base, hourlyRate: '85', blockPrice: '1700', blockDiscount: '15' }, new Set(['blockPrice', 'blockDiscount'])).texts.blockDiscount).toBeUndefined();
  });

  it('empties a field its helper no longer fills, once nobody typed it', () => {
    expect(linkedFills({ ...base, blockPrice: '1800', blockDiscount: '' }, new Set()).texts).toEqual({ blockPrice: '', blockDiscount: '', monthlyFee: '' });
  });

  it('fills the monthly fee from the quote unless a fee was typed', () => {
    const quote = { quoteUsers: '25', quotePricePerUser: '36' };
    const fills = linkedFills({ ...base, ...quote }, new Set());
    expect(fills.texts.monthlyFee).toBe('900');
    expect(fills.notes.monthlyFee).toMatch(/^Filled in from the quote below/);
    expect(linkedFills({ ...base, ...quote, monthlyFee: '950' }, new Set(['monthlyFee'])).texts.monthlyFee).toBeUndefined();
  });
});
