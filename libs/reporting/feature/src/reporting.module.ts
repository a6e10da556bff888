import { Module } from '@nestjs/common';
import { CLOCK } from '@registry/contracts';
import { loadRegions } from '@registry/reference-data';
import { Regions } from '@registry/regions';
import { ListPosyanduHandler } from './posyandu/list-posyandu/list-posyandu.handler';
import { ListPosyanduHttpController } from './posyandu/list-posyandu/list-posyandu.http.controller';
import { SetPosyanduHandler } from './posyandu/set-posyandu/set-posyandu.handler';
import { SetPosyanduHttpController } from './posyandu/set-posyandu/set-posyandu.http.controller';
import { ExportAggregateHandler } from './reports/export-aggregate/export-aggregate.handler';
import { ExportAggregateHttpController } from './reports/export-aggregate/export-aggregate.http.controller';
import { ExportAggregateQuery } from './reports/export-aggregate/export-aggregate.query';
import { ExportPrevalenceHandler } from './reports/export-prevalence/export-prevalence.handler';
import { ExportPrevalenceHttpController } from './reports/export-prevalence/export-prevalence.http.controller';
import { PrevalenceQuery } from './reports/prevalence.query';
import { CasesAndNamesClient } from './reports/priority-children/cases-and-names.client';
import { PriorityChildrenHandler } from './reports/priority-children/priority-children.handler';
import { PriorityChildrenHttpController } from './reports/priority-children/priority-children.http.controller';
import { PriorityChildrenQuery } from './reports/priority-children/priority-children.query';
import { ReportPrevalenceHandler } from './reports/report-prevalence/report-prevalence.handler';
import { ReportPrevalenceHttpController } from './reports/report-prevalence/report-prevalence.http.controller';
import { ReportTimelineHandler } from './reports/report-timeline/report-timeline.handler';
import { ReportTimelineHttpController } from './reports/report-timeline/report-timeline.http.controller';
import { ReportTrendHandler } from './reports/report-trend/report-trend.handler';
import { ReportTrendHttpController } from './reports/report-trend/report-trend.http.controller';
import { SetTargetHandler } from './targets/set-target/set-target.handler';
import { SetTargetHttpController } from './targets/set-target/set-target.http.controller';
import { IncidenceQuery } from './skdn/report-incidence/incidence.query';
import { ReportIncidenceHttpController } from './skdn/report-incidence/report-incidence.http.controller';
import { ReportSkdnHttpController } from './skdn/report-skdn/report-skdn.http.controller';
import { SkdnQuery } from './skdn/report-skdn/skdn.query';

/** The reporting service: prevalence and coverage per wilayah and period, and every child's auditable history. */
@Module({
  controllers: [
    // Literal routes before `:indicator`: Express matches in registration order.
    ReportTrendHttpController,
    PriorityChildrenHttpController,
    ReportSkdnHttpController,
    ReportIncidenceHttpController,
    ReportPrevalenceHttpController,
    SetTargetHttpController,
    ListPosyanduHttpController,
    SetPosyanduHttpController,
    ReportTimelineHttpController,
    ExportPrevalenceHttpController,
    ExportAggregateHttpController,
  ],
  providers: [
    { provide: Regions, useFactory: () => loadRegions() },
    { provide: CLOCK, useValue: () => new Date() },
    PrevalenceQuery,
    ReportPrevalenceHandler,
    ReportTrendHandler,
    ReportTimelineHandler,
    PriorityChildrenQuery,
    CasesAndNamesClient,
    PriorityChildrenHandler,
    ExportPrevalenceHandler,
    ExportAggregateQuery,
    ExportAggregateHandler,
    SkdnQuery,
    IncidenceQuery,
    ListPosyanduHandler,
    SetPosyanduHandler,
    SetTargetHandler,
  ],
})
export class ReportingModule {}
