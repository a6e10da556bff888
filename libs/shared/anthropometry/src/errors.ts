/** Why a measurement was refused; stable codes so callers can map them to their own messages. */
export type AnthropometryInputErrorCode =
  | 'unknown_sex'
  | 'unknown_position'
  | 'unknown_indicator'
  | 'malformed_date'
  | 'measured_before_birth'
  | 'measured_in_future'
  | 'measured_after_death'
  | 'age_out_of_range'
  | 'missing_measurement'
  | 'not_a_number'
  | 'out_of_range'
  | 'not_a_boolean';

/** A measurement that cannot describe a real child under five; `field` names the input property to fix. */
export class AnthropometryInputError extends Error {
  override readonly name = 'AnthropometryInputError';

  constructor(
    readonly field: string,
    readonly code: AnthropometryInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The WHO tables could not be read; the message says which file, where, and how to point to them. */
export class GrowthStandardsLoadError extends Error {
  override readonly name = 'GrowthStandardsLoadError';

  constructor(
    message: string,
    readonly directory: string,
    readonly file?: string,
  ) {
    super(message);
  }
}
