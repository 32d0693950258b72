/**
 * A block's price and its discount on the hourly rate, both ways (the wizard's helper field):
 * price = hours × rate × (1 − discount), and discount = 1 − price / (hours × rate).
 */
import { blockDiscount, blockPriceFromDiscount } from '../../src/model';

describe('a block’s discount on the hourly rate', () => {
  it.each([
    // hours, rate, price, discount: worked by hand from price = hours × rate × (1 − discount).
    [20, 100, 1800, 0.1],
    [40, 150, 6000, 0],
    [10, 200, 2500, -0.25],
    [8, 125, 500, 0.5],
  ])('%p hours at %p an hour for %p is a discount of %p', (hours, rate, price, discount) => {
    expect(blockDiscount(hours, rate, price)).toBeCloseTo(discount, 12);
    expect(blockPriceFromDiscount(hours, rate, discount)).toBeCloseTo(price, 9);
  });

  it.each([
    [12.5, 95, 0.07],
    [1, 1e-3, 0.999],
    [3e4, 180, 0.333],
  ])('recovers the discount a price was made from: %p hours at %p, %p off', (hours, rate, discount) => {
    expect(blockDiscount(hours, rate, blockPriceFromDiscount(hours, rate, discount))).toBeCloseTo(discount, 12);
  });
});
