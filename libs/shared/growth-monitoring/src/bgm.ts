/**
 * BGM (bawah garis merah): weight-for-age below −3 SD, the red line of the KMS (Juknis KMS 2021; the −3 SD cut-off
 * of Permenkes 2/2020). Not a diagnosis: the child is confirmed and referred. Takes the WHO z-score as the
 * anthropometry library rounds it; an implausible (flagged) or missing z-score is no BGM.
 */
export const isBgm = (weightForAgeZ: number | null, flagged: boolean): boolean =>
  weightForAgeZ !== null && !flagged && weightForAgeZ < -3;
