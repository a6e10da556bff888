import { Module } from '@nestjs/common';
import { CLOCK } from '@registry/contracts';
import { Regions } from '@registry/regions';
import { ListPosyanduHttpController } from './posyandu/list-posyandu/list-posyandu.http.controller';
import { SetPosyanduHandler } from './posyandu/set-posyandu/set-posyandu.handler';
import { SetPosyanduHttpController } from './posyandu/set-posyandu/set-posyandu.http.controller';
import { ExportAggregateHttpController } from './reports/export-aggregate/export-aggregate.http.controller';
import { ExportAggregateQuery } from './reports/export-aggregate/export-aggregate.query';
import { ExportHttpController } from './reports/export.http.controller';
import { PrevalenceHttpController } from './reports/prevalence.http.controller';
import { PrevalenceQuery } from './reports/prevalence.query';
import { PriorityChildrenHttpController } from './reports/priority-children.http.controller';
import { PriorityChildrenQuery } from './reports/priority-children.query';
import { TargetsHttpController } from './reports/targets.http.controller';
import { TimelineHttpController } from './reports/timeline.http.controller';
import { IncidenceQuery } from './skdn/report-incidence/incidence.query';
import { ReportIncidenceHttpController } from './skdn/report-incidence/report-incidence.http.controller';
import { ReportSkdnHttpController } from './skdn/report-skdn/report-skdn.http.controller';
import { SkdnQuery } from './skdn/report-skdn/skdn.query';
import { TrendHttpController } from './reports/trend.http.controller';

/** The reporting service: prevalence and coverage per wilayah and period, and every child's auditable history. */
@Module({
  controllers: [
    // Literal routes before `:indicator`: Express matches in registration order.
    TrendHttpController,
    PriorityChildrenHttpController,
    ReportSkdnHttpController,
    ReportIncidenceHttpController,
    PrevalenceHttpController,
    TargetsHttpController,
    ListPosyanduHttpController,
    SetPosyanduHttpController,
    TimelineHttpController,
    ExportHttpController,
    ExportAggregateHttpController,
  ],
  providers: [
    { provide: Regions, useFactory: () => Regions.load() },
    { provide: CLOCK, useValue: () => new Date() },
    PrevalenceQuery,
    PriorityChildrenQuery,
    SkdnQuery,
    IncidenceQuery,
    SetPosyanduHandler,
    ExportAggregateQuery,
  ],
})
export class ReportingModule {}
