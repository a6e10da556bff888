import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { expectedPosition } from '@registry/anthropometry';
import { issue, type MeasurementGroup } from '@registry/identity-domain';
import {
  IntakeMeasurementsClient,
  type MeasurementItem,
  type UploaderCredential,
} from '../../infrastructure/intake-measurements.client';
import { created, matched, pathOfReason, refused, type EntryAnswer } from './bundle-answers';

/** A measurement of the Bundle whose child is registered: what intake needs beside the group's values. */
export interface ReadyMeasurement {
  readonly group: MeasurementGroup;
  readonly childId: string;
  readonly birthDate: string;
}

/** How long new children may take to reach intake (through Kafka) before their Observations are answered 503. */
const INTAKE_CATCH_UP_MS = 60_000;
const RETRY_PAUSE_MS = 500;

export const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

/** A Bundle's measurements sent to intake in the caller's name, each Observation entry answered with the outcome. */
@Injectable()
export class BundleMeasurements {
  constructor(private readonly intake: IntakeMeasurementsClient) {}

  /** Sent again while intake has not yet heard of a child the Bundle just registered. */
  async record(
    credential: UploaderCredential,
    ready: readonly ReadyMeasurement[],
    answers: Array<EntryAnswer | undefined>,
    correlationId: string,
  ): Promise<void> {
    let pending = ready;
    const deadline = Date.now() + INTAKE_CATCH_UP_MS;
    while (pending.length > 0) {
      // No Idempotency-Key: it would replay "created" to a resent Bundle; each item's source record id answers
      // "duplicate" instead, and that is what a resent Observation is.
      const answer = await this.intake.recordBatch(credential, pending.map(itemOf), { correlationId });
      if (answer.kind !== 'results') {
        const [status, code] =
          answer.kind === 'credential_refused'
            ? ['403 Forbidden', 'forbidden' as const]
            : ['503 Service Unavailable', 'transient' as const];
        for (const { group } of pending)
          answerGroup(group, answers, refused(status, [issue(code, '', answer.message)]));
        return;
      }
      const again: ReadyMeasurement[] = [];
      answer.results.forEach((result, i) => {
        const { group } = pending[i];
        switch (result.status) {
          case 'created':
            for (const member of group.members)
              answers[member.index] = created(`Observation/${result.measurement!.id}-${member.part}`);
            return;
          case 'duplicate':
            for (const member of group.members)
              answers[member.index] = matched(
                `Observation/${result.duplicateOf!}-${member.part}`,
                'this measurement was recorded before; nothing is doubled',
              );
            return;
          case 'rejected':
            for (const member of group.members)
              answers[member.index] = refused(
                '422 Unprocessable Entity',
                (result.reasons ?? []).map((reason) =>
                  issue('value', pathOfReason(reason, group.paths, `Bundle.entry[${member.index}].resource`), reason),
                ),
              );
            return;
          case 'retry':
            if (Date.now() < deadline) return void again.push(pending[i]);
            answerGroup(
              group,
              answers,
              refused('503 Service Unavailable', [
                issue(
                  'transient',
                  '',
                  'the child is not yet known to the measurements service: send the Bundle again; nothing is doubled',
                ),
              ]),
            );
            return;
          default: {
            const unknown: never = result.status;
            throw new Error(`unknown intake result ${String(unknown)}`);
          }
        }
      });
      if (again.length > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      pending = again;
    }
  }
}

function itemOf({ group, childId, birthDate }: ReadyMeasurement): MeasurementItem {
  const { weightKg, heightCm, position, headCircumferenceCm, muacCm } = group.values;
  return {
    childId,
    measuredOn: group.measuredOn,
    ...(weightKg !== null ? { weightKg } : {}),
    ...(heightCm !== null ? { heightCm } : {}),
    ...(headCircumferenceCm !== null ? { headCircumferenceCm } : {}),
    ...(muacCm !== null ? { muacCm } : {}),
    position: position ?? positionByAge(birthDate, group.measuredOn),
    puskesmasCode: group.puskesmasCode,
    sourceRecordId: sourceRecordIdOf(group),
  };
}

/** A weighing without a length says no position; intake needs one: the one WHO expects at the child's age. */
const positionByAge = (birthDate: string, measuredOn: string) =>
  expectedPosition((Date.parse(measuredOn) - Date.parse(birthDate)) / 86_400_000);

/** The same Observations sent again are the same record: their identities (identifier, else fullUrl, else content). */
function sourceRecordIdOf(group: MeasurementGroup): string {
  const keys = group.members
    .map((m) => m.key ?? JSON.stringify([group.subject, m.part, group.measuredOn, group.values]))
    .sort();
  return `fhir:${sha(JSON.stringify(keys))}`;
}

function answerGroup(group: MeasurementGroup, answers: Array<EntryAnswer | undefined>, answer: EntryAnswer) {
  for (const member of group.members) answers[member.index] = answer;
}
