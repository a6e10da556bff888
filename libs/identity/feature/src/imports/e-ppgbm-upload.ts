import type { FileBodyRoute } from '@registry/platform';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The upload route takes the export itself as the body, as browsers and curl send a file (`--data-binary @file`):
 * the types a spreadsheet or CSV is sent with, Windows' `application/vnd.ms-excel` for .csv among them. The
 * content decides the format (an xlsx workbook is a zip), not the type.
 */
export const E_PPGBM_UPLOAD: FileBodyRoute = {
  method: 'POST',
  path: /^\/v1\/imports\/e-ppgbm\/?$/,
  types: [XLSX_TYPE, 'text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'],
};
