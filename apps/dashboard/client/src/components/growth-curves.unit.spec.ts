import { drawnAtZ, plottedZ, type CurvePoint } from './growth-curves';

// Evenly spaced lines (1 cm per SD around 50 cm) at two ages, the second 7 cm taller.
const curves: CurvePoint[] = [
  { at: 0, values: [47, 48, 49, 50, 51, 52, 53] },
  { at: 7, values: [54, 55, 56, 57, 58, 59, 60] },
];

describe('plottedZ: where a point sits between the SD lines', () => {
  it('reads a point on a line as that line', () => {
    expect(plottedZ(curves, 0, 48)).toBe(-2);
    expect(plottedZ(curves, 7, 57)).toBe(0);
  });

  it('interpolates between lines and between ages', () => {
    expect(plottedZ(curves, 0, 49.5)).toBeCloseTo(-0.5);
    expect(plottedZ(curves, 3.5, 53.5)).toBeCloseTo(0);
  });

  it('continues beyond ±3 with the spacing of the outermost lines', () => {
    expect(plottedZ(curves, 0, 45)).toBeCloseTo(-5);
    expect(plottedZ(curves, 0, 54)).toBeCloseTo(4);
  });

  it('has no reading outside the chart', () => {
    expect(plottedZ(curves, -1, 50)).toBeNull();
    expect(plottedZ(curves, 8, 50)).toBeNull();
  });
});

describe('drawnAtZ: where a point of a given z-score is drawn', () => {
  it('puts a whole z-score on its line and reads back as the same z everywhere on the chart', () => {
    expect(drawnAtZ(curves, 0, -2)).toBe(48);
    for (const x of [0, 1.5, 3.5, 7])
      for (const z of [-4.2, -3, -2.5, -0.01, 0, 1.37, 3, 5.5])
        expect(plottedZ(curves, x, drawnAtZ(curves, x, z)!)).toBeCloseTo(z, 10);
  });

  it('has no place outside the chart', () => {
    expect(drawnAtZ(curves, 8, 0)).toBeNull();
  });
});
