import type { JudgedMeasurement } from '@registry/contracts';

/** A measurement as the API answers it: the values, age, z-scores, classifications, flags and its state. */
export const measurementView = (measurement: JudgedMeasurement, status: 'recorded' | 'voided', version: number) => ({
  id: measurement.measurementId,
  status,
  version,
  ...measurement,
});

export type MeasurementView = ReturnType<typeof measurementView>;
