import { Injectable } from '@nestjs/common';
import { canSee, type Principal } from '@registry/access';
import {
  issue,
  operationOutcome,
  readBundle,
  registrationOf,
  type BundleEntryReading,
  type MeasurementGroup,
} from '@registry/identity-domain';
import { ChildWriter } from '../../children/child-writer';
import { RegisterChildrenBatchHandler } from '../../children/register-children-batch/register-children-batch.handler';
import type { UploaderCredential } from '../../infrastructure/intake-measurements.client';
import { BundleMeasurements, sha } from './bundle-measurements';
import { BundleSubjects, type PatientEntry, type PatientPlan, type Subject } from './bundle-subjects';
import { FhirPatients } from '../infrastructure/fhir-patients.pg';
import {
  created,
  matched,
  pathOfReason,
  refused,
  responseBundle,
  statusOf,
  type EntryAnswer,
  answerMothersAndOrganizations,
  asIssue,
} from './bundle-answers';

export interface BundleAnswer {
  readonly status: number;
  readonly body: object;
}

/**
 * A Bundle of Patients, their mothers and Observations, taken as the registry's own APIs take them: Patients are
 * registrations (RegisterChildrenBatchHandler's rules, a NIK registered before is that child), Observations of one
 * child, day and puskesmas one measurement, sent to intake in the caller's name. A transaction is checked whole
 * before anything is written; a batch answers each entry on its own.
 */
@Injectable()
export class ProcessBundleHandler {
  constructor(
    private readonly writer: ChildWriter,
    private readonly registrations: RegisterChildrenBatchHandler,
    private readonly children: BundleSubjects,
    private readonly measurements: BundleMeasurements,
  ) {}

  async process(
    principal: Principal,
    credential: UploaderCredential,
    body: unknown,
    correlationId: string,
  ): Promise<BundleAnswer> {
    const read = readBundle(body);
    if ('issues' in read) return { status: 400, body: operationOutcome(read.issues) };
    const { type, entries, groups } = read.bundle;
    const answers: Array<EntryAnswer | undefined> = entries.map((entry) =>
      entry.kind === 'refused' ? refused(statusOf(entry.issues), entry.issues) : undefined,
    );

    const patients = await this.planPatients(principal, entries, answers);
    const subjects = await this.children.resolve(principal, groups, patients, answers);
    const measurable = groups.filter(
      (group, g) => subjects[g] && this.children.check(principal, group, subjects[g]!, answers),
    );

    const refusals = answers.filter((a): a is EntryAnswer => a !== undefined && !a.status.startsWith('2'));
    if (type === 'transaction' && refusals.length > 0)
      return {
        status: 400,
        body: operationOutcome(
          refusals
            .flatMap((answer) => (answer.outcome?.issue ?? []).map(asIssue))
            .filter((i) => i.severity !== 'information'),
        ),
      };

    await this.register(principal, patients, answers, correlationId);
    // A transaction's measurements wait on its registrations; a batch's go for the children that are registered.
    const ready = measurable.flatMap((group) => {
      const childId = childOf(group, subjects, groups, patients);
      if (childId !== null) return [{ group, childId, birthDate: subjects[groups.indexOf(group)]!.birthDate }];
      // Its Patient was refused while being registered (another request took its NIK meanwhile).
      for (const member of group.members)
        answers[member.index] = refused('424 Failed Dependency', [
          issue(
            'processing',
            `Bundle.entry[${member.index}].resource.subject`,
            'its Patient was not registered: see its entry',
          ),
        ]);
      return [];
    });
    await this.measurements.record(credential, ready, answers, correlationId);

    answerMothersAndOrganizations(entries, answers);
    return {
      status: 200,
      body: responseBundle(
        type,
        // Every entry is answered above; an unanswered one would be this handler's bug, and says so.
        answers.map(
          (a, i) =>
            a ??
            refused('500 Internal Server Error', [
              issue('exception', `Bundle.entry[${i}]`, 'this entry was not answered'),
            ]),
        ),
      ),
    };
  }

  /** Each Patient: known by an identity it came with before (or its NIK), else a registration to check and make. */
  private async planPatients(
    principal: Principal,
    entries: BundleEntryReading[],
    answers: Array<EntryAnswer | undefined>,
  ): Promise<Map<number, PatientPlan>> {
    const plans = new Map<number, PatientPlan>();
    const patientEntries = entries.filter((e): e is PatientEntry => e.kind === 'patient');
    for (const entry of patientEntries) {
      const regencyCode = entry.patient.address.villageCode.slice(0, 5);
      const ownId = entry.patient.registryChildId;
      if (ownId !== null) {
        // A Patient the registry answered with, sent back: that child, when it is the caller's.
        const { rows } = await this.writer.store.pool.query<{ regency_code: string }>(
          `SELECT regency_code FROM identity_children WHERE child_id = $1 AND status <> 'merged'`,
          [ownId],
        );
        if (rows[0] && canSee(principal, rows[0].regency_code))
          plans.set(entry.index, { entry, childId: ownId, regencyCode, item: registrationOf(entry.patient) });
        else
          answers[entry.index] = refused('404 Not Found', [
            issue('not-found', entry.patient.paths['childId'], `no child ${ownId} is registered in your area`),
          ]);
        continue;
      }
      // Only the caller's own children are found again; a Patient of another regency meets the registration's refusal.
      const known = canSee(principal, regencyCode)
        ? await FhirPatients.find(this.writer.store.pool, regencyCode, entry.keys)
        : new Map<string, string>();
      const childId = entry.keys.map((key) => known.get(key)).find((id) => id !== undefined) ?? null;
      plans.set(entry.index, { entry, childId, regencyCode, item: registrationOf(entry.patient) });
    }
    const unknown = [...plans.values()].filter((plan) => plan.childId === null);
    const checked = await this.registrations.check(
      principal,
      unknown.map((plan) => plan.item),
    );
    unknown.forEach((plan, i) => {
      const result = checked[i];
      const at = `Bundle.entry[${plan.entry.index}].resource`;
      switch (result.status) {
        case 'created':
          return;
        case 'already_registered':
          if (result.existingChildId) return void (plan.childId = result.existingChildId);
          answers[plan.entry.index] = refused('409 Conflict', [
            issue(
              'conflict',
              plan.entry.patient.paths['nik'] ?? at,
              'a child with this NIK is registered in another regency',
            ),
          ]);
          return void plans.delete(plan.entry.index);
        case 'rejected':
          answers[plan.entry.index] = refused(
            '422 Unprocessable Entity',
            result.reasons.map((reason) => issue('value', pathOfReason(reason, plan.entry.patient.paths, at), reason)),
          );
          return void plans.delete(plan.entry.index);
        default: {
          const unknownResult: never = result;
          throw new Error(`unknown registration result ${JSON.stringify(unknownResult)}`);
        }
      }
    });
    return plans;
  }

  /** The Patients to register, in one request of the batch API's rules; each identity remembered for next time. */
  private async register(
    principal: Principal,
    patients: Map<number, PatientPlan>,
    answers: Array<EntryAnswer | undefined>,
    correlationId: string,
  ): Promise<void> {
    const fresh = [...patients.values()].filter((plan) => plan.childId === null);
    const createdNow = new Set<PatientPlan>();
    if (fresh.length > 0) {
      const items = fresh.map((plan) => plan.item);
      const answer = await this.registrations.register(principal, items, {
        idempotencyKey: `fhir:${sha(JSON.stringify(items))}`,
        correlationId,
      });
      const results = (answer.body as { results: Awaited<ReturnType<RegisterChildrenBatchHandler['check']>> }).results;
      fresh.forEach((plan, i) => {
        const result = results[i];
        if (result.status === 'created') {
          plan.childId = result.id;
          createdNow.add(plan);
        } else if (result.status === 'already_registered' && result.existingChildId)
          plan.childId = result.existingChildId;
        else {
          answers[plan.entry.index] = refused('409 Conflict', [
            issue('conflict', `Bundle.entry[${plan.entry.index}].resource`, result.reasons.join('; ')),
          ]);
          patients.delete(plan.entry.index);
        }
      });
    }
    for (const plan of patients.values()) {
      await FhirPatients.remember(this.writer.store.pool, plan.regencyCode, [
        { keys: plan.entry.keys, childId: plan.childId! },
      ]);
      answers[plan.entry.index] = createdNow.has(plan)
        ? created(`Patient/${plan.childId}/_history/1`)
        : matched(`Patient/${plan.childId}`, 'this child is registered already; a Bundle does not change its data');
    }
  }
}

function childOf(
  group: MeasurementGroup,
  subjects: Array<Subject | null>,
  groups: MeasurementGroup[],
  patients: Map<number, PatientPlan>,
): string | null {
  const subject = subjects[groups.indexOf(group)];
  if (!subject) return null;
  if (group.subject.kind !== 'bundle') return subject.childId;
  const fullUrl = group.subject.fullUrl;
  return [...patients.values()].find((plan) => plan.entry.fullUrl === fullUrl)?.childId ?? null;
}
