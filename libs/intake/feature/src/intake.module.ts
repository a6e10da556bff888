import { Module } from '@nestjs/common';
import { GrowthStandards } from '@registry/anthropometry';
import { CLOCK } from '@registry/contracts';
import { loadGrowthStandards } from '@registry/reference-data';
import { FlaggedMeasurementsHttpController } from './measurements/flagged-measurements/flagged-measurements.http.controller';
import { FlaggedMeasurementsQuery } from './measurements/flagged-measurements/flagged-measurements.query';
import { GrowthCurvesHttpController } from './growth-standards/growth-curves.http.controller';
import { IdentityProgressReader } from './infrastructure/identity-progress';
import { MeasurementReadModel } from './infrastructure/measurement.read-model';
import { ChildMeasurementsHandler } from './measurements/child-measurements/child-measurements.handler';
import { ChildMeasurementsHttpController } from './measurements/child-measurements/child-measurements.http.controller';
import { CorrectMeasurementHandler } from './measurements/correct-measurement/correct-measurement.handler';
import { CorrectMeasurementHttpController } from './measurements/correct-measurement/correct-measurement.http.controller';
import { MeasurementWriter } from './measurements/measurement-writer';
import { RecordMeasurementHandler } from './measurements/record-measurement/record-measurement.handler';
import { RecordMeasurementHttpController } from './measurements/record-measurement/record-measurement.http.controller';
import { RecordMeasurementsBatchHandler } from './measurements/record-measurements-batch/record-measurements-batch.handler';
import { RecordMeasurementsBatchHttpController } from './measurements/record-measurements-batch/record-measurements-batch.http.controller';
import { VoidMeasurementHandler } from './measurements/void-measurement/void-measurement.handler';
import { VoidMeasurementHttpController } from './measurements/void-measurement/void-measurement.http.controller';

/** The measurement intake service: weighing-day data judged by the WHO standards, never lost, never doubled. */
@Module({
  controllers: [
    RecordMeasurementsBatchHttpController,
    RecordMeasurementHttpController,
    CorrectMeasurementHttpController,
    VoidMeasurementHttpController,
    ChildMeasurementsHttpController,
    GrowthCurvesHttpController,
    FlaggedMeasurementsHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: () => new Date() },
    // Loaded once at start: missing or malformed WHO tables stop the service with a message saying which.
    { provide: GrowthStandards, useFactory: () => loadGrowthStandards() },
    { provide: MeasurementReadModel, useValue: new MeasurementReadModel() },
    IdentityProgressReader,
    MeasurementWriter,
    FlaggedMeasurementsQuery,
    RecordMeasurementHandler,
    RecordMeasurementsBatchHandler,
    CorrectMeasurementHandler,
    VoidMeasurementHandler,
    ChildMeasurementsHandler,
  ],
})
export class IntakeModule {}
