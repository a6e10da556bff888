import { ArgumentsHost, Catch, ConflictException, type ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { NikAlreadyRegisteredError } from '../infrastructure/child.read-model';

/** A write that would give a second active record the same NIK (a correction, an unmerge): 409. */
@Catch(NikAlreadyRegisteredError)
export class NikConflictFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(_error: NikAlreadyRegisteredError, host: ArgumentsHost): void {
    super.catch(
      new ConflictException({ message: 'nik: another active child already holds this NIK', field: 'nik' }),
      host,
    );
  }
}
