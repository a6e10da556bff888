export { isBgm } from './bgm';
export { KBM_TABLE, kbmGramsAt, type KbmRow } from './kbm';
export {
  changedWeightGains,
  type EarlierHistory,
  evolveWeighings,
  judgeWeightGains,
  type ToldWeightGain,
  type Weighing,
  type WeighingChange,
  type WeightGain,
} from './weight-gain';
