import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { checkNik } from '@registry/identity-domain';
import { NikAlreadyRegisteredError } from '../../infrastructure/child.read-model';
import type { PersonalData } from '../../infrastructure/personal-data-vault';
import { invalid } from '../child-errors';
import { ChildWriter } from '../child-writer';
import { RegisterChildHandler } from '../register-child/register-child.handler';
import type { CorrectChildRequest } from './correct-child.request.dto';

@Injectable()
export class CorrectChildHandler {
  constructor(
    private readonly writer: ChildWriter,
    private readonly registration: RegisterChildHandler,
  ) {}

  async correct(
    principal: Principal,
    childId: string,
    expectedVersion: number,
    request: CorrectChildRequest,
    correlationId?: string,
  ) {
    try {
      return await this.writer.store.withTransaction(async (session) => {
        const { state } = await this.writer.loadWritable(session, principal, childId);
        const current = await this.writer.vault.open(session.client, childId, state.personalDataVersion);
        if (current === null)
          throw invalid('childId', 'the personal data of this child was erased and cannot be corrected');
        const next: PersonalData = {
          nik: request.nik ?? current.nik,
          familyCardNumber: request.familyCardNumber ?? current.familyCardNumber,
          name: request.name ?? current.name,
          mother: { ...current.mother, ...request.mother },
          address: { ...current.address, ...request.address },
        };
        const personalFieldsChanged = changedPersonalFields(current, next);
        const sex = request.sex ?? state.sex;
        const birthDate = request.birthDate ?? state.birthDate;
        if (next.nik !== null && (personalFieldsChanged.includes('nik') || request.sex || request.birthDate)) {
          const problem = checkNik(
            next.nik,
            birthDate,
            sex,
            (code) => this.writer.regions.find(code)?.level === 'district',
          );
          if (problem) throw invalid('nik', `${problem.message} (the ${problem.part} part disagrees)`);
        }
        const personalData =
          personalFieldsChanged.length > 0
            ? await this.writer.vault.seal(session.client, childId, state.personalDataVersion + 1, next)
            : undefined;
        const { version, events } = await this.writer.execute(
          session,
          principal,
          childId,
          {
            type: 'CorrectChild',
            data: {
              sex: request.sex,
              birthDate: request.birthDate,
              birthWeightGrams: request.birthWeightGrams,
              birthLengthCm: request.birthLengthCm,
              hasNik: next.nik !== null,
              personalData,
              personalFieldsChanged,
              reason: request.reason,
            },
          },
          { expectedVersion, correlationId },
        );
        return { id: childId, version, changedFields: (events[0].data as { changedFields: string[] }).changedFields };
      });
    } catch (error) {
      if (error instanceof NikAlreadyRegisteredError)
        throw await this.registration.nikConflict(principal, request.nik!);
      throw error;
    }
  }
}

/** Field paths whose value differs, personal ones by name only (the event records the names, never the values). */
function changedPersonalFields(before: PersonalData, after: PersonalData): string[] {
  const paths: Array<[string, (data: PersonalData) => string | null]> = [
    ['nik', (d) => d.nik],
    ['familyCardNumber', (d) => d.familyCardNumber],
    ['name', (d) => d.name],
    ['mother.name', (d) => d.mother.name],
    ['mother.nik', (d) => d.mother.nik],
    ['address.rt', (d) => d.address.rt],
    ['address.rw', (d) => d.address.rw],
    ['address.line', (d) => d.address.line],
  ];
  return paths.filter(([, read]) => read(before) !== read(after)).map(([path]) => path);
}
