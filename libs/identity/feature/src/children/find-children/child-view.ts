import type { Regions } from '@registry/regions';
import type { ChildRecord } from '../../infrastructure/child-record.entity';
import type { PersonalData } from '../../infrastructure/personal-data-vault';

/** A child as the API shows it to roles allowed personal data; `personalData: null` once it was erased. */
export function childView(record: ChildRecord, personal: PersonalData | null, regions: Regions) {
  return {
    id: record.childId,
    version: record.streamVersion,
    status: record.status,
    sex: record.sex,
    birthDate: record.birthDate,
    birthWeightGrams: record.birthWeightGrams,
    birthLengthCm: record.birthLengthCm === null ? null : Number(record.birthLengthCm),
    diedOn: record.diedOn,
    mergedInto: record.mergedInto,
    registeredAt: record.registeredAt.toISOString(),
    residence: {
      villageCode: record.villageCode,
      villageName: regions.find(record.villageCode)?.name ?? null,
      districtCode: record.districtCode,
      districtName: regions.find(record.districtCode)?.name ?? null,
      regencyCode: record.regencyCode,
      regencyName: regions.find(record.regencyCode)?.name ?? null,
    },
    personalData: personal,
  };
}

export type ChildView = ReturnType<typeof childView>;
