import type { Intervention } from '@registry/interventions-domain';
import type { InterventionRecord } from '../infrastructure/intervention-record.entity';

/** An intervention as the API answers it: what, for whom, by which OPD, how funded, and where it stands. */
export interface InterventionView {
  readonly id: string;
  readonly childId: string;
  readonly caseId: string | null;
  readonly type: string;
  readonly category: 'specific' | 'sensitive';
  readonly status: 'planned' | 'delivered' | 'cancelled';
  readonly plannedOn: string | null;
  readonly deliveredOn: string | null;
  readonly provider: string;
  readonly quantity: number;
  readonly unit: string;
  readonly fundingSource: string;
  readonly sponsorshipId: string | null;
  readonly notes: string | null;
  readonly cancelReason: string | null;
  readonly regencyCode: string;
  readonly version: number;
}

export function interventionView(state: Exclude<Intervention, { status: 'none' }>, version: number): InterventionView {
  const { interventionId, ...details } = state.details;
  return {
    id: interventionId,
    ...details,
    status: state.status,
    plannedOn: state.plannedOn,
    deliveredOn: state.deliveredOn,
    cancelReason: state.status === 'cancelled' ? state.reason : null,
    version,
  };
}

export const interventionRecordView = (record: InterventionRecord): InterventionView => ({
  id: record.interventionId,
  childId: record.childId,
  caseId: record.caseId,
  type: record.type,
  category: record.category,
  status: record.status,
  plannedOn: record.plannedOn,
  deliveredOn: record.deliveredOn,
  provider: record.provider,
  quantity: record.quantity,
  unit: record.unit,
  fundingSource: record.fundingSource,
  sponsorshipId: record.sponsorshipId,
  notes: record.notes,
  cancelReason: record.cancelReason,
  regencyCode: record.regencyCode,
  version: record.streamVersion,
});
