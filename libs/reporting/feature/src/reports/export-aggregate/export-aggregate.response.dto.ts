import { ApiProperty } from '@nestjs/swagger';

export class DataValueResponse {
  @ApiProperty() readonly dataElement!: string;
  @ApiProperty() readonly period!: string;
  @ApiProperty() readonly orgUnit!: string;
  @ApiProperty() readonly categoryOptionCombo!: string;
  @ApiProperty() readonly value!: string;
}

/** A DHIS2 dataValueSets payload, identifiers as codes (idScheme CODE). */
export class DataValueSetResponse {
  @ApiProperty() readonly dataSet!: string;
  @ApiProperty() readonly period!: string;
  @ApiProperty({ enum: ['CODE'] }) readonly idScheme!: 'CODE';
  @ApiProperty({ type: [DataValueResponse] }) readonly dataValues!: DataValueResponse[];
}
