import { MEASUREMENT_SCALES, onScale, toDecimals } from './measurement-scales';

describe('measurement scales', () => {
  it.each([
    // what JavaScript and Python clients compute for a value of the scale's precision
    [5.0 + 0.3 * 9, 2, 7.7],
    [0.1 + 0.2, 1, 0.3],
    [0.1 * 3, 2, 0.3],
    [3.3 * 3, 1, 9.9],
    [9.400000000000002, 2, 9.4],
    [1.1 * 1.1, 2, 1.21],
  ])('reads %p at %p decimals as %p, the number it differs from only by float noise', (value, decimals, expected) => {
    expect(toDecimals(value, decimals)).toBe(expected);
  });

  it.each([
    [9.456, 2, 9.46],
    [9.454, 2, 9.45],
    [1.005, 2, 1.01],
    [76.55, 1, 76.6],
    [76.549, 1, 76.5],
    [45.15, 1, 45.2],
    [13.25, 1, 13.3],
    [8, 2, 8],
    [0, 1, 0],
  ])('rounds %p to %p decimals, half up as the decimal number reads: %p', (value, decimals, expected) => {
    expect(toDecimals(value, decimals)).toBe(expected);
  });

  it('leaves values without decimals to round for the range checks to refuse', () => {
    expect(toDecimals(Number.NaN, 2)).toBeNaN();
    expect(toDecimals(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(toDecimals(1e300, 2)).toBe(1e300);
    expect(toDecimals(-0.3 * 3, 1)).toBe(-0.9);
  });

  it('brings every measured field to its scale and leaves the others and absent ones alone', () => {
    expect(
      onScale({
        weightKg: 5.0 + 0.3 * 9,
        heightCm: 72.15 - 0.1,
        headCircumferenceCm: null,
        muacCm: 13.456,
        measuredOn: '2025-07-15',
      }),
    ).toEqual({ weightKg: 7.7, heightCm: 72.1, headCircumferenceCm: null, muacCm: 13.5, measuredOn: '2025-07-15' });
    expect(onScale({ weightKg: 9.123 })).toEqual({ weightKg: 9.12 });
  });

  it('names a unit and a precision for every measured field', () => {
    expect(MEASUREMENT_SCALES).toEqual({
      weightKg: expect.objectContaining({ decimals: 2, unit: 'kg' }),
      heightCm: expect.objectContaining({ decimals: 1, unit: 'cm' }),
      headCircumferenceCm: expect.objectContaining({ decimals: 1, unit: 'cm' }),
      muacCm: expect.objectContaining({ decimals: 1, unit: 'cm' }),
    });
  });
});
