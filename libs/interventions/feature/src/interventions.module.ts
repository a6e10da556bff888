import { Module } from '@nestjs/common';
import { CLOCK } from '@registry/contracts';
import { CaseReader } from './cases/case-reader';
import { CaseWriter } from './cases/case-writer';
import { GetCaseHttpController } from './cases/get-case/get-case.http.controller';
import { ListCasesHttpController } from './cases/list-cases/list-cases.http.controller';
import { OverdueCasesHttpController } from './cases/overdue-cases/overdue-cases.http.controller';
import { SweepCasesHandler } from './cases/sweep-cases/sweep-cases.handler';
import { SweepCasesHttpController } from './cases/sweep-cases/sweep-cases.http.controller';
import { CaseReadModel } from './infrastructure/case.read-model';
import { InterventionReadModel } from './infrastructure/intervention.read-model';
import { ChildInterventionsHandler } from './interventions/child-interventions/child-interventions.handler';
import { CancelInterventionHandler } from './interventions/cancel-intervention/cancel-intervention.handler';
import { DeliverInterventionHandler } from './interventions/deliver-intervention/deliver-intervention.handler';
import { CancelInterventionHttpController } from './interventions/cancel-intervention/cancel-intervention.http.controller';
import { ChildInterventionsHttpController } from './interventions/child-interventions/child-interventions.http.controller';
import { DeliverInterventionHttpController } from './interventions/deliver-intervention/deliver-intervention.http.controller';
import { InterventionTypesHttpController } from './interventions/intervention-types/intervention-types.http.controller';
import { InterventionWriter } from './interventions/intervention-writer';
import { RecordInterventionHandler } from './interventions/record-intervention/record-intervention.handler';
import { RecordInterventionHttpController } from './interventions/record-intervention/record-intervention.http.controller';

/**
 * The intervention tracking service: a case for every child found stunted or wasted (opened, transferred and closed
 * by the CaseTrackerProjection from identity and intake events), and the interventions that make up its package.
 */
@Module({
  controllers: [
    // Literal routes before `:id`: Express matches in registration order.
    OverdueCasesHttpController,
    SweepCasesHttpController,
    ListCasesHttpController,
    GetCaseHttpController,
    InterventionTypesHttpController,
    RecordInterventionHttpController,
    DeliverInterventionHttpController,
    CancelInterventionHttpController,
    ChildInterventionsHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: () => new Date() },
    { provide: CaseReadModel, useValue: new CaseReadModel() },
    { provide: InterventionReadModel, useValue: new InterventionReadModel() },
    CaseWriter,
    CaseReader,
    SweepCasesHandler,
    InterventionWriter,
    RecordInterventionHandler,
    CancelInterventionHandler,
    ChildInterventionsHandler,
    DeliverInterventionHandler,
  ],
})
export class InterventionsModule {}
