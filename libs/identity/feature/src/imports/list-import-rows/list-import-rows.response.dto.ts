import { ApiProperty } from '@nestjs/swagger';
import type { ImportRowOutcome } from '../import-job';

export class ImportRowResponse implements ImportRowOutcome {
  @ApiProperty({ description: 'The row as a spreadsheet program numbers it (the header is row 1)' })
  readonly rowNumber!: number;
  @ApiProperty({ enum: ['created', 'matched', 'would_create', 'would_match', 'rejected'], nullable: true })
  readonly childOutcome!: ImportRowOutcome['childOutcome'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly childId!: string | null;
  @ApiProperty({
    enum: ['created', 'duplicate', 'rejected', 'would_create'],
    nullable: true,
    description: 'null while the measurements phase has not reached the row, or when its child was refused',
  })
  readonly measurementOutcome!: ImportRowOutcome['measurementOutcome'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly measurementId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'duplicate: the measurement recorded first',
  })
  readonly duplicateOf!: string | null;
  @ApiProperty({ type: [String], description: 'Why a part was refused, naming the column and the fix' })
  readonly reasons!: string[];
  @ApiProperty({ type: [String], description: 'Imported, but look: a possible duplicate child, a differing name…' })
  readonly warnings!: string[];
  @ApiProperty({ type: [String], description: 'Where the export’s z-scores or statuses differ from the registry’s' })
  readonly disagreements!: string[];
}

export class ImportRowsResponse {
  @ApiProperty({ type: [ImportRowResponse] }) readonly rows!: ImportRowResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'after= for the next page; null on the last' })
  readonly nextAfter!: number | null;
}
