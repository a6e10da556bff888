import { Injectable } from '@nestjs/common';
import { assertCanWriteAt, canSee, type Principal } from '@registry/access';
import { uuidV7, todayInIndonesia } from '@registry/contracts';
import type { EventStoreSession } from '@registry/event-store';
import { checkNik, type BirthFacts, ChildRuleViolation, type Residence } from '@registry/identity-domain';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import type { ClientBase } from 'pg';
import { NikAlreadyRegisteredError } from '../../infrastructure/child.read-model';
import type { PersonalData } from '../../infrastructure/personal-data-vault';
import { invalid } from '../child-errors';
import { ChildWriter } from '../child-writer';
import type { RegisterChildRequest } from './register-child.request.dto';

/** A registration that passed every check that does not need the child's history. */
export interface Registration {
  readonly childId: string;
  readonly facts: BirthFacts;
  readonly residence: Residence;
  readonly personal: PersonalData;
}

export interface RegisterOptions {
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
}

@Injectable()
export class RegisterChildHandler {
  constructor(private readonly writer: ChildWriter) {}

  /** Checks a request against the regions, the caller's scope and the NIK rules; throws the HTTP error to answer. */
  prepare(principal: Principal, request: RegisterChildRequest): Registration {
    const { regions } = this.writer;
    const village = regions.find(request.address.villageCode);
    if (village?.level !== 'village') {
      throw invalid(
        'address.villageCode',
        `${request.address.villageCode} is not a known desa/kelurahan code (Kemendagri)`,
      );
    }
    const residence: Residence = {
      villageCode: village.code,
      districtCode: village.parentCode!,
      regencyCode: regions.ancestor(village.code, 'regency')!.code,
    };
    assertCanWriteAt(
      principal,
      { regencyCode: residence.regencyCode, villageCode: residence.villageCode },
      `village ${village.code}`,
    );
    if (request.birthDate > todayInIndonesia(this.writer.clock()))
      throw invalid('birthDate', 'birthDate cannot be in the future');
    for (const [field, nik] of [
      ['nik', request.nik],
      ['mother.nik', request.mother.nik],
    ] as const) {
      if (nik === undefined) continue;
      const isKnownDistrict = (code: string) => regions.find(code)?.level === 'district';
      // A mother's NIK encodes her own birth date, which the registry does not know: only its region is checked.
      const problem =
        field === 'nik'
          ? checkNik(nik, request.birthDate, request.sex, isKnownDistrict)
          : regionProblem(nik, isKnownDistrict);
      if (problem) throw invalid(field, `${problem.message} (the ${problem.part} part disagrees)`);
    }
    return {
      childId: uuidV7(this.writer.clock().getTime()),
      facts: {
        sex: request.sex,
        birthDate: request.birthDate,
        birthWeightGrams: request.birthWeightGrams ?? null,
        birthLengthCm: request.birthLengthCm ?? null,
        hasNik: request.nik !== undefined,
      },
      residence,
      personal: {
        nik: request.nik ?? null,
        familyCardNumber: request.familyCardNumber ?? null,
        name: request.name,
        mother: { name: request.mother.name, nik: request.mother.nik ?? null },
        address: { rt: request.address.rt ?? null, rw: request.address.rw ?? null, line: request.address.line ?? null },
      },
    };
  }

  async register(
    principal: Principal,
    request: RegisterChildRequest,
    options: RegisterOptions = {},
  ): Promise<StoredResponse> {
    const registration = this.prepare(principal, request);
    try {
      return await this.writer.store.withTransaction((session) =>
        IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, request, async () => {
          const [response] = await this.writeMany(session, principal, [registration], options.correlationId);
          return response;
        }),
      );
    } catch (error) {
      if (error instanceof NikAlreadyRegisteredError)
        throw await this.nikConflict(principal, registration.personal.nik!);
      throw error;
    }
  }

  /**
   * Seals the personal data, appends child.registered and projects it, inside the caller's transaction: for one
   * child or a whole batch, in the same few statements.
   */
  async writeMany(
    session: EventStoreSession,
    principal: Principal,
    registrations: readonly Registration[],
    correlationId?: string,
  ): Promise<StoredResponse[]> {
    const { vault } = this.writer;
    const sealed = await vault.sealNew(
      session.client,
      registrations.map(({ childId, personal }) => ({ childId, data: personal })),
    );
    const envelopes = await this.writer.registerNew(
      session,
      principal,
      registrations.map(({ childId, facts, residence, personal }, i) => ({
        command: { type: 'RegisterChild', data: { childId, ...facts, ...residence, ...sealed[i] } },
        lookups: vault.lookupsOf(personal),
      })),
      { correlationId },
    );
    const versions = new Map(envelopes.map((envelope) => [envelope.subjectId, envelope.streamVersion]));
    return registrations.map(({ childId, residence }) => ({
      status: 201,
      body: {
        id: childId,
        version: versions.get(childId),
        regencyCode: residence.regencyCode,
        villageCode: residence.villageCode,
      },
    }));
  }

  /** 409 naming the child that holds the NIK, but only when the caller could see that child anyway. */
  async nikConflict(principal: Principal, nik: string, client?: ClientBase): Promise<ChildRuleViolation> {
    const existing = await this.writer.existingChildWithNik(this.writer.vault.nikLookup(nik), client);
    const visible = existing !== null && canSee(principal, existing.regencyCode);
    return new ChildRuleViolation(
      'conflict',
      'nik',
      'a child with this NIK is already registered',
      visible ? { existingChildId: existing.childId } : {},
    );
  }
}

function regionProblem(nik: string, isKnownDistrict: (code: string) => boolean) {
  const district = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  return isKnownDistrict(district)
    ? null
    : { part: 'region', message: `region part ${nik.slice(0, 6)} is not a known kecamatan` };
}
