import { compareWithExport, type RegistryOpinion } from './export-comparison';

/** The registry's opinion of a stunted, underweight, not wasted child. */
const OURS: RegistryOpinion = {
  zScores: { heightForAge: -2.05, weightForAge: -2.31, weightForHeight: -1.2 },
  classifications: {
    heightForAge: { code: 'stunted', label: 'pendek' },
    weightForAge: { code: 'underweight', label: 'berat badan kurang' },
    weightForHeight: { code: 'normal', label: 'gizi baik' },
  },
};

describe('compareWithExport', () => {
  it('finds no disagreement where the export says what the registry says, in its own words', () => {
    // Given the export's labels for the registry's classes, and z-scores within 0.1
    const exported = {
      heightForAge: { z: -2.1, status: 'Pendek' },
      weightForAge: { z: -2.4, status: 'BB Kurang' },
      weightForHeight: { z: -1.3, status: 'Normal' },
    };

    // When compared / Then nothing is reported
    expect(compareWithExport(exported, OURS)).toEqual([]);
  });

  it('reports each z-score more than 0.1 apart and each status that differs', () => {
    // Given the export calling the child normal at -1.81
    const exported = { heightForAge: { z: -1.81, status: 'Normal' }, weightForAge: { z: -2.2, status: 'Gizi Kurang' } };

    // When compared
    const disagreements = compareWithExport(exported, OURS);

    // Then the height-for-age z-score and status disagree; weight-for-age is -2.20 vs -2.31 (0.11) in old words
    expect(disagreements).toEqual([
      'ZS TB/U: export -1.81, registry -2.05',
      "TB/U: export 'Normal', registry 'Pendek'",
      'ZS BB/U: export -2.20, registry -2.31',
    ]);
  });

  it('maps the e-PPGBM and older statuses to the Permenkes 2/2020 classes', () => {
    type Classification = readonly [code: string, label: string];
    const opinion = (weightForAge: Classification, weightForHeight: Classification): RegistryOpinion => ({
      zScores: { heightForAge: null, weightForAge: null, weightForHeight: null },
      classifications: {
        heightForAge: null,
        weightForAge: { code: weightForAge[0], label: weightForAge[1] },
        weightForHeight: { code: weightForHeight[0], label: weightForHeight[1] },
      },
    });
    const agree = (weightForAge: Classification, weightForHeight: Classification, exported: [string, string]) =>
      compareWithExport(
        { weightForAge: { status: exported[0] }, weightForHeight: { status: exported[1] } },
        opinion(weightForAge, weightForHeight),
      );
    const severelyUnderweight = ['severely_underweight', 'berat badan sangat kurang'] as const;
    const riskOfOverweight = ['risk_of_overweight', 'risiko berat badan lebih'] as const;
    const normal = ['normal', 'normal'] as const;

    expect(
      agree(severelyUnderweight, ['severely_wasted', 'gizi buruk'], ['Berat Badan Sangat Kurang', 'Gizi Buruk']),
    ).toEqual([]);
    expect(agree(normal, ['normal', 'gizi baik'], ['Berat Badan Normal', 'Gizi Baik'])).toEqual([]);
    expect(
      agree(
        riskOfOverweight,
        ['possible_risk_of_overweight', 'berisiko gizi lebih'],
        ['Resiko BB Lebih', 'Berisiko Gizi Lebih'],
      ),
    ).toEqual([]);
    expect(agree(riskOfOverweight, ['obese', 'obesitas'], ['Risiko Berat Badan Lebih', 'OBESITAS'])).toEqual([]);
    expect(agree(normal, ['overweight', 'gizi lebih'], ['Normal', 'Obesitas'])).toEqual([
      "BB/TB: export 'Obesitas', registry 'Gizi Lebih'",
    ]);
  });

  it('says nothing where either side has no value', () => {
    const none: RegistryOpinion = {
      zScores: { heightForAge: null, weightForAge: null, weightForHeight: null },
      classifications: { heightForAge: null, weightForAge: null, weightForHeight: null },
    };
    expect(compareWithExport({ heightForAge: { z: -3.5, status: 'Sangat Pendek' } }, none)).toEqual([]);
    expect(compareWithExport({}, OURS)).toEqual([]);
  });

  it('reports a status it does not know when it is not the registry label', () => {
    expect(compareWithExport({ heightForAge: { status: 'Stunting' } }, OURS)).toEqual([
      "TB/U: export 'Stunting', registry 'Pendek'",
    ]);
  });
});
