import { deciderSpecification } from '@registry/contracts';
import { decidePosyandu, foldPosyandu, type PosyanduCommand, type PosyanduEvent, type PosyanduFacts } from './posyandu';

const facts: PosyanduFacts = {
  code: 'PSY-3603202002-01',
  name: 'Posyandu Mawar',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  puskesmasCode: 'P3603200101',
};

/** Given the history, when SetPosyandu is decided: the events, or the rule it breaks. */
const given = deciderSpecification({ decide: decidePosyandu, fold: foldPosyandu });
const set = (data: PosyanduFacts): PosyanduCommand => ({ type: 'SetPosyandu', data });

describe('posyandu decider', () => {
  it('lists a posyandu the first time', () => {
    given()
      .when(set(facts))
      .then([{ type: 'posyandu.listed', data: facts }]);
  });

  it('changes nothing when the same facts come again', () => {
    given({ type: 'posyandu.listed', data: facts }).when(set(facts)).then([]);
  });

  it('updates a renamed posyandu, a desa moved within the kabupaten, or a new puskesmas', () => {
    const listed: PosyanduEvent[] = [{ type: 'posyandu.listed', data: facts }];
    for (const change of [
      { name: 'Posyandu Mawar II' },
      { villageCode: '36.03.21.2001', districtCode: '36.03.21' },
      { puskesmasCode: null },
    ]) {
      const data = { ...facts, ...change };
      given(...listed)
        .when(set(data))
        .then([{ type: 'posyandu.updated', data }]);
    }
  });

  it('judges against the latest update, not the first listing', () => {
    const renamed = { ...facts, name: 'Posyandu Melati' };
    given({ type: 'posyandu.listed', data: facts }, { type: 'posyandu.updated', data: renamed })
      .when(set(renamed))
      .then([]);
  });

  it('refuses to move a code to another kabupaten', () => {
    given({ type: 'posyandu.listed', data: facts })
      .when(set({ ...facts, villageCode: '36.01.01.2001', districtCode: '36.01.01', regencyCode: '36.01' }))
      .thenRejects('conflict', 'villageCode', /listed in kabupaten 36\.03/);
  });
});
