import { Inject, Injectable } from '@nestjs/common';
import { canSee, canWriteAt, type Principal } from '@registry/access';
import { AnthropometryInputError, validateMeasurement } from '@registry/anthropometry';
import { CLOCK, todayInIndonesia, type Clock } from '@registry/contracts';
import { issue, type BundleEntryReading, type FhirIssue, type MeasurementGroup } from '@registry/identity-domain';
import { ChildWriter } from '../../children/child-writer';
import { refused, statusOf, type EntryAnswer } from './bundle-answers';

export type PatientEntry = Extract<BundleEntryReading, { kind: 'patient' }>;
/** A child an Observation is about, with what the measurement rules need of it. */
export type Subject = {
  readonly childId: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly diedOn: string | null;
  readonly villageCode: string;
};
/** A Patient of the Bundle: already known (matched) or to be registered. */
export type PatientPlan = {
  entry: PatientEntry;
  childId: string | null;
  regencyCode: string;
  item: Record<string, unknown>;
};

/** The children a Bundle's measurements are about, and what intake would refuse of them before anything is written. */
@Injectable()
export class BundleSubjects {
  constructor(
    private readonly writer: ChildWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The child of each measurement: a Patient of the Bundle, a registered child by id, or by NIK. */
  async resolve(
    principal: Principal,
    groups: MeasurementGroup[],
    patients: Map<number, PatientPlan>,
    answers: Array<EntryAnswer | undefined>,
  ): Promise<Array<Subject | null>> {
    const byFullUrl = new Map([...patients.values()].filter((p) => p.entry.fullUrl).map((p) => [p.entry.fullUrl!, p]));
    const subjects: Array<Subject | null> = [];
    for (const group of groups) {
      const refuse = (status: string, code: FhirIssue['code'], diagnostics: string) => {
        for (const member of group.members)
          answers[member.index] = refused(status, [
            issue(code, `Bundle.entry[${member.index}].resource.subject`, diagnostics),
          ]);
        subjects.push(null);
      };
      const { subject } = group;
      if (subject.kind === 'bundle') {
        const plan = byFullUrl.get(subject.fullUrl);
        if (!plan) {
          refuse(
            '404 Not Found',
            'not-found',
            `subject ${subject.fullUrl}: no Patient of this Bundle has that fullUrl, or it was refused`,
          );
          continue;
        }
        // A child still to register is judged on its Patient; a registered one on the registry's record below.
        if (plan.childId === null) {
          const { sex, birthDate, address } = plan.entry.patient;
          subjects.push({ childId: '', sex, birthDate, diedOn: null, villageCode: address.villageCode });
          continue;
        }
      }
      const byId =
        subject.kind === 'child'
          ? subject.childId
          : subject.kind === 'bundle'
            ? byFullUrl.get(subject.fullUrl)!.childId
            : null;
      const found = await this.writer.store.pool.query<{
        child_id: string;
        sex: 'male' | 'female';
        birth_date: string;
        died_on: string | null;
        village_code: string;
        regency_code: string;
      }>(
        `SELECT child_id, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, to_char(died_on, 'YYYY-MM-DD') AS died_on,
                village_code, regency_code
         FROM identity_children WHERE (child_id = $1::uuid OR nik_lookup = $2) AND status <> 'merged'`,
        subject.kind === 'nik' ? [null, this.writer.vault.nikLookup(subject.nik)] : [byId, null],
      );
      const child = found.rows.find((row) => canSee(principal, row.regency_code));
      if (!child) {
        refuse(
          '404 Not Found',
          'not-found',
          subject.kind === 'nik'
            ? 'no child with this NIK is registered in your area: send its Patient in the Bundle'
            : `no child ${byId} is registered in your area (merged into another, or moved away)`,
        );
        continue;
      }
      subjects.push({
        childId: child.child_id,
        sex: child.sex,
        birthDate: child.birth_date,
        diedOn: child.died_on,
        villageCode: child.village_code,
      });
    }
    return subjects;
  }

  /**
   * What intake would refuse without the child's history (the caller's right to record there, and anthropometry's
   * input rules: a day after the child's death, dates, ranges, position): checked before anything is written, so a
   * transaction fails whole.
   */
  check(
    principal: Principal,
    group: MeasurementGroup,
    subject: Subject,
    answers: Array<EntryAnswer | undefined>,
  ): boolean {
    const problem = this.problemOf(principal, group, subject);
    if (problem === null) return true;
    for (const member of group.members) answers[member.index] = refused(statusOf([problem]), [problem]);
    return false;
  }

  private problemOf(principal: Principal, group: MeasurementGroup, subject: Subject): FhirIssue | null {
    const { villageCode } = subject;
    if (
      !canWriteAt(principal, { regencyCode: villageCode.slice(0, 5), villageCode, puskesmasCode: group.puskesmasCode })
    )
      return issue(
        'forbidden',
        group.paths['measuredOn'].replace(/effectiveDateTime$/, 'performer'),
        `role ${principal.role} may not record measurements for this child at puskesmas ${group.puskesmasCode}`,
      );
    try {
      validateMeasurement(
        {
          sex: subject.sex,
          birthDate: subject.birthDate,
          measuredOn: group.measuredOn,
          weightKg: group.values.weightKg,
          heightCm: group.values.heightCm,
          position: group.values.position,
          headCircumferenceCm: group.values.headCircumferenceCm,
          muacCm: group.values.muacCm,
          oedema: false,
          diedOn: subject.diedOn,
        },
        todayInIndonesia(this.clock()),
      );
      return null;
    } catch (error) {
      if (!(error instanceof AnthropometryInputError)) throw error;
      return issue('value', group.paths[error.field] ?? group.paths['measuredOn'], `${error.field}: ${error.message}`);
    }
  }
}
